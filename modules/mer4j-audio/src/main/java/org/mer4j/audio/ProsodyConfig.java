package org.mer4j.audio;

/**
 * Settings of the {@code prosody} extractor.
 *
 * @param minF0 lowest F0 searched in Hz, in [30, maxF0) (default 55)
 * @param maxF0 highest F0 accepted in Hz, up to 2000 (default 1000)
 * @param hopSeconds step between rows, in [0.001, 0.1] (default 0.010)
 * @param windowSeconds YIN analysis window; at least two periods of minF0 and at least the hop (default 0.040)
 * @param yinThreshold YIN absolute threshold on the normalised difference, in (0, 1) (default 0.20)
 * @param silenceDb steps quieter than this RMS level (dB re full scale) are unvoiced and masked, in [-100, 0] (default -60)
 */
public record ProsodyConfig(double minF0, double maxF0, double hopSeconds, double windowSeconds, double yinThreshold,
                            double silenceDb) implements HopTiming {
    public ProsodyConfig {
        if (!(minF0 >= 30) || !(minF0 < maxF0) || maxF0 > 2000) {
            throw new IllegalArgumentException("prosody.minF0/maxF0 need 30 <= minF0 < maxF0 <= 2000 Hz, got "
                    + minF0 + " and " + maxF0 + "; use 55 and 1000 for speech");
        }
        if (!(hopSeconds >= 0.001) || hopSeconds > 0.1) {
            throw new IllegalArgumentException("prosody.hopSeconds must be in [0.001, 0.1], got " + hopSeconds + "; 0.010 is standard");
        }
        if (!(windowSeconds >= hopSeconds) || windowSeconds < 2 / minF0 - 1e-9 || windowSeconds > 0.2) {
            throw new IllegalArgumentException("prosody.windowSeconds must cover two periods of minF0 (" + (2 / minF0)
                    + " s), be at least the hop and at most 0.2 s, got " + windowSeconds + "; raise it or raise minF0");
        }
        if (!(yinThreshold > 0) || !(yinThreshold < 1)) {
            throw new IllegalArgumentException("prosody.yinThreshold must be in (0, 1), got " + yinThreshold + "; 0.20 is YIN's default");
        }
        if (!(silenceDb >= Levels.FLOOR_DB) || silenceDb > 0) {
            throw new IllegalArgumentException("prosody.silenceDb must be in [-100, 0] dBFS, got " + silenceDb + "; -60 suits clean recordings");
        }
    }

    /** minF0 55, maxF0 1000, hop 10 ms, window 40 ms, YIN threshold 0.20, silence below -60 dBFS. */
    public static ProsodyConfig defaults() {
        return new ProsodyConfig(55, 1000, 0.010, 0.040, 0.20, -60);
    }
}
