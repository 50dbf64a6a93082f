package org.mer4j.audio;

/** Signal level helpers. */
public final class Levels {
    /** Floor of every dB value mer4j reports, so tracks never hold -inf. */
    public static final double FLOOR_DB = -100;

    private Levels() {
    }

    /** Root-mean-square of the samples. */
    public static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (double) v * v;
        }
        return Math.sqrt(s / Math.max(1, x.length));
    }

    /** 20 log10(rms) in dB re full scale, floored at {@link #FLOOR_DB}. */
    public static double rmsDb(float[] x) {
        double r = rms(x);
        return r > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(r)) : FLOOR_DB;
    }

    /** Semitones of {@code hz} above 27.5 Hz (A0), the usual prosody scale. */
    public static double semitonesReA0(double hz) {
        return 12 * Math.log(hz / 27.5) / Math.log(2);
    }
}
