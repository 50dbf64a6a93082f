package org.mer4j.audio;

/**
 * Settings of the {@code mfcc} extractor.
 *
 * @param coefficients cepstral coefficients kept (c0..c[n-1]), in [1, melBands] (default 13)
 * @param melBands triangular mel filters, in [4, 128] (default 40)
 * @param hopSeconds step between rows, in [0.001, 0.1] (default 0.010)
 * @param windowSeconds Hamming analysis window, in [hopSeconds, 0.1] (default 0.025)
 * @param lowHz lowest filter edge in Hz, &gt;= 0 (default 20)
 * @param highHz highest filter edge in Hz, above lowHz; clipped to Nyquist (default 8000)
 * @param silenceDb steps quieter than this RMS level (dBFS) are masked, in [-100, 0] (default -60)
 */
public record MfccConfig(int coefficients, int melBands, double hopSeconds, double windowSeconds, double lowHz,
                         double highHz, double silenceDb) implements HopTiming {
    public MfccConfig {
        if (melBands < 4 || melBands > 128) {
            throw new IllegalArgumentException("mfcc.melBands must be in [4, 128], got " + melBands + "; 40 is standard");
        }
        if (coefficients < 1 || coefficients > melBands) {
            throw new IllegalArgumentException("mfcc.coefficients must be in [1, melBands=" + melBands + "], got " + coefficients + "; 13 is standard");
        }
        if (!(hopSeconds >= 0.001) || hopSeconds > 0.1) {
            throw new IllegalArgumentException("mfcc.hopSeconds must be in [0.001, 0.1], got " + hopSeconds + "; 0.010 is standard");
        }
        if (!(windowSeconds >= hopSeconds) || windowSeconds > 0.1) {
            throw new IllegalArgumentException("mfcc.windowSeconds must be in [hopSeconds, 0.1], got " + windowSeconds + "; 0.025 is standard");
        }
        if (!(lowHz >= 0) || !(highHz > lowHz)) {
            throw new IllegalArgumentException("mfcc.lowHz/highHz need 0 <= lowHz < highHz, got " + lowHz + " and " + highHz);
        }
        if (!(silenceDb >= Levels.FLOOR_DB) || silenceDb > 0) {
            throw new IllegalArgumentException("mfcc.silenceDb must be in [-100, 0] dBFS, got " + silenceDb);
        }
    }

    /** 13 coefficients from 40 mel bands, 25 ms Hamming window every 10 ms, 20-8000 Hz, mask below -60 dBFS. */
    public static MfccConfig defaults() {
        return new MfccConfig(13, 40, 0.010, 0.025, 20, 8000, -60);
    }
}
