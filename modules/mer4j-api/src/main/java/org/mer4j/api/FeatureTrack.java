package org.mer4j.api;

import java.util.Arrays;

/**
 * A time series of feature vectors: {@code times[T]} (seconds, start of each step),
 * {@code values[T, D]} (row-major) and {@code mask[T]} (true where the step is valid, e.g. a face
 * was found or the frame is voiced).
 *
 * @param name extractor name that produced it
 * @param times step times in seconds, non-decreasing
 * @param dim feature dimension D
 * @param values row-major T*D values
 * @param mask validity of each step
 */
public record FeatureTrack(String name, double[] times, int dim, float[] values, boolean[] mask) {
    public FeatureTrack {
        if (dim <= 0) {
            throw new IllegalArgumentException("track " + name + ": dim must be positive, got " + dim);
        }
        if (values.length != times.length * dim || mask.length != times.length) {
            throw new IllegalArgumentException("track " + name + ": expected " + times.length + " steps x " + dim
                    + " values and " + times.length + " mask entries, got " + values.length + " values and " + mask.length + " mask entries");
        }
    }

    /** Number of steps T. */
    public int length() {
        return times.length;
    }

    /** A copy of row {@code t}. */
    public float[] row(int t) {
        return Arrays.copyOfRange(values, t * dim, (t + 1) * dim);
    }

    /** Value at step {@code t}, feature {@code d}. */
    public float get(int t, int d) {
        return values[t * dim + d];
    }

    /** Fraction of valid steps, 0 for an empty track. */
    public double validFraction() {
        if (mask.length == 0) {
            return 0;
        }
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n / (double) mask.length;
    }
}
