package org.mer4j.features;

/**
 * How tracks are put on one timeline.
 *
 * @param rate timeline steps per second (e.g. 5 Hz = 200 ms windows, as in CALMED's window features)
 * @param maxGapSeconds a window with no sample of its own takes the nearest sample within this distance; else it is masked
 */
public record AlignmentConfig(double rate, double maxGapSeconds) {
    public AlignmentConfig {
        if (!(rate > 0 && rate <= 100)) {
            throw new IllegalArgumentException("alignment.rate must be in (0, 100] Hz, got " + rate);
        }
        if (!(maxGapSeconds >= 0)) {
            throw new IllegalArgumentException("alignment.maxGapSeconds must be >= 0, got " + maxGapSeconds);
        }
    }

    public static AlignmentConfig defaults() {
        return new AlignmentConfig(5.0, 0.15);
    }
}
