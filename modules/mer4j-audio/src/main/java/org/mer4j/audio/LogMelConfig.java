package org.mer4j.audio;

/**
 * Settings of the {@code logmel} extractor.
 *
 * @param melBands triangular mel filters (= columns), in [4, 256] (default 64)
 * @param hopSeconds step between rows, in [0.001, 0.1] (default 0.010)
 * @param windowSeconds Hamming analysis window, in [hopSeconds, 0.1] (default 0.025)
 * @param lowHz lowest filter edge in Hz, &gt;= 0 (default 20)
 * @param highHz highest filter edge in Hz, above lowHz; clipped to Nyquist (default 8000)
 * @param silenceDb steps quieter than this RMS level (dBFS) are masked, in [-100, 0] (default -60)
 */
public record LogMelConfig(int melBands, double hopSeconds, double windowSeconds, double lowHz, double highHz, double silenceDb) implements HopTiming {
    public LogMelConfig {
        if (melBands < 4 || melBands > 256) {
            throw new IllegalArgumentException("logmel.melBands must be in [4, 256], got " + melBands + "; 64 or 80 are usual");
        }
        if (!(hopSeconds >= 0.001) || hopSeconds > 0.1) {
            throw new IllegalArgumentException("logmel.hopSeconds must be in [0.001, 0.1], got " + hopSeconds + "; 0.010 is standard");
        }
        if (!(windowSeconds >= hopSeconds) || windowSeconds > 0.1) {
            throw new IllegalArgumentException("logmel.windowSeconds must be in [hopSeconds, 0.1], got " + windowSeconds + "; 0.025 is standard");
        }
        if (!(lowHz >= 0) || !(highHz > lowHz)) {
            throw new IllegalArgumentException("logmel.lowHz/highHz need 0 <= lowHz < highHz, got " + lowHz + " and " + highHz);
        }
        if (!(silenceDb >= Levels.FLOOR_DB) || silenceDb > 0) {
            throw new IllegalArgumentException("logmel.silenceDb must be in [-100, 0] dBFS, got " + silenceDb);
        }
    }

    /** 64 bands, 25 ms Hamming window every 10 ms, 20-8000 Hz, mask below -60 dBFS. */
    public static LogMelConfig defaults() {
        return new LogMelConfig(64, 0.010, 0.025, 20, 8000, -60);
    }
}
