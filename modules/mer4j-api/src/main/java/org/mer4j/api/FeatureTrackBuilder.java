package org.mer4j.api;

import java.util.Arrays;

/** Grows a {@link FeatureTrack} row by row without boxing; extractor sessions use it to collect their output. */
public final class FeatureTrackBuilder {
    private final String name;
    private final int dim;
    private double[] times = new double[256];
    private float[] values;
    private boolean[] mask = new boolean[256];
    private int length;

    public FeatureTrackBuilder(String name, int dim) {
        this.name = name;
        this.dim = dim;
        this.values = new float[256 * dim];
    }

    /** Appends one step; {@code row} is copied. */
    public void add(double time, float[] row, boolean valid) {
        if (row.length != dim) {
            throw new IllegalArgumentException("track " + name + ": row of " + row.length + " values, expected " + dim);
        }
        if (length == times.length) {
            times = Arrays.copyOf(times, length * 2);
            mask = Arrays.copyOf(mask, length * 2);
            values = Arrays.copyOf(values, length * 2 * dim);
        }
        times[length] = time;
        mask[length] = valid;
        System.arraycopy(row, 0, values, length * dim, dim);
        length++;
    }

    public int length() {
        return length;
    }

    public FeatureTrack build() {
        return new FeatureTrack(name, Arrays.copyOf(times, length), dim, Arrays.copyOf(values, length * dim), Arrays.copyOf(mask, length));
    }
}
