package org.mer4j.audio;

/**
 * Settings of voice activity, pauses and syllable nuclei.
 *
 * @param marginDb a hop is speech evidence when voiced or when its level is this far above the
 *                 tracked noise floor, in [3, 40] dB (default 12)
 * @param hangoverSeconds the speech flag stays on this long after the last evidence, in [0, 2] s (default 0.2)
 * @param minPauseSeconds silent stretches between speech shorter than this are not pauses, in [0.05, 5] s (default 0.25)
 * @param floorRiseDbPerSecond how fast the noise floor may rise, in (0, 100] dB/s (default 3)
 * @param nucleusDipDb a syllable nucleus needs a level dip this deep on both sides (de Jong and Wempe's "minimum dip"), in [0.5, 10] dB (default 2)
 * @param nucleusFloorDb nuclei must be within this many dB of the running level maximum (their "silence threshold"), in [5, 60] dB (default 25)
 */
public record PauseConfig(double marginDb, double hangoverSeconds, double minPauseSeconds, double floorRiseDbPerSecond,
                          double nucleusDipDb, double nucleusFloorDb) {
    public PauseConfig {
        check("marginDb", marginDb, 3, 40, "12");
        check("hangoverSeconds", hangoverSeconds, 0, 2, "0.2");
        check("minPauseSeconds", minPauseSeconds, 0.05, 5, "0.25");
        check("floorRiseDbPerSecond", floorRiseDbPerSecond, 1e-6, 100, "3");
        check("nucleusDipDb", nucleusDipDb, 0.5, 10, "2");
        check("nucleusFloorDb", nucleusFloorDb, 5, 60, "25");
    }

    private static void check(String field, double v, double lo, double hi, String dflt) {
        if (!(v >= lo) || !(v <= hi)) {
            throw new IllegalArgumentException("pauses." + field + " must be in [" + lo + ", " + hi + "], got " + v + "; the default is " + dflt);
        }
    }

    /** Margin 12 dB, hangover 0.2 s, pauses from 0.25 s, floor rise 3 dB/s, nucleus dip 2 dB within 25 dB of the maximum. */
    public static PauseConfig defaults() {
        return new PauseConfig(12, 0.2, 0.25, 3, 2, 25);
    }
}
