package org.mer4j.audio;

/**
 * Streaming syllable-nucleus detection after de Jong and Wempe ("Praat script to detect syllable
 * nuclei and measure speech rate automatically", Behavior Research Methods 41(2), 2009): a nucleus
 * is a peak of the (3-hop smoothed) level that rises at least {@code nucleusDipDb} above the
 * preceding dip, falls at least as much after it, lies within {@code nucleusFloorDb} of the running
 * level maximum (their threshold is the 0.99 quantile minus 25 dB; a stream only knows the maximum
 * so far) and is voiced. A nucleus is counted when the fall after it confirms it.
 */
public final class SyllableNuclei {
    private final PauseConfig cfg;
    private final double[] last = new double[3];
    private int seen;
    private double runningMax = Levels.FLOOR_DB;
    private boolean rising = true;
    private double peak = Double.NEGATIVE_INFINITY;
    private boolean peakVoiced;
    private double dip = Double.POSITIVE_INFINITY;
    private long count;

    public SyllableNuclei(PauseConfig cfg) {
        this.cfg = cfg;
    }

    /**
     * Takes the next hop.
     *
     * @return true when this hop confirms a nucleus
     */
    public boolean update(double levelDb, boolean voiced) {
        last[seen % 3] = levelDb;
        seen++;
        int n = Math.min(seen, 3);
        double level = 0;
        for (int i = 0; i < n; i++) {
            level += last[i];
        }
        level /= n;
        runningMax = Math.max(runningMax, level);
        boolean confirmed = false;
        if (rising) {
            if (level > peak) {
                peak = level;
                peakVoiced = voiced;
            } else if (peak - level >= cfg.nucleusDipDb()) {
                if (peakVoiced && peak >= runningMax - cfg.nucleusFloorDb() && peak > Levels.FLOOR_DB + 1) {
                    count++;
                    confirmed = true;
                }
                rising = false;
                dip = level;
            }
        } else {
            if (level < dip) {
                dip = level;
            } else if (level - dip >= cfg.nucleusDipDb()) {
                rising = true;
                peak = level;
                peakVoiced = voiced;
            }
        }
        return confirmed;
    }

    /** Nuclei confirmed so far. */
    public long count() {
        return count;
    }
}
