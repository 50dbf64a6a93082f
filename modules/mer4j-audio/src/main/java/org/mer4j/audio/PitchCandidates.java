package org.mer4j.audio;

/**
 * The pitch candidates of one frame: index 0 is the unvoiced candidate (frequency 0), the others
 * are autocorrelation peaks with their interpolated frequency, raw normalised correlation and
 * path-search strength (Boersma 1993).
 */
final class PitchCandidates {
    final double[] freq;
    final double[] strength;
    final double[] r;
    int count;

    PitchCandidates(int max) {
        freq = new double[max];
        strength = new double[max];
        r = new double[max];
    }

    void copyFrom(PitchCandidates o) {
        count = o.count;
        System.arraycopy(o.freq, 0, freq, 0, count);
        System.arraycopy(o.strength, 0, strength, 0, count);
        System.arraycopy(o.r, 0, r, 0, count);
    }
}
