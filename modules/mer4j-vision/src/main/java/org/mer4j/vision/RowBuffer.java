package org.mer4j.vision;

import java.util.Arrays;
import org.mer4j.api.FeatureTrack;

/** Grows a {@link FeatureTrack} row by row. */
final class RowBuffer {
    private final String name;
    private final int dim;
    private double[] times = new double[64];
    private float[] values;
    private boolean[] mask = new boolean[64];
    private int length;

    RowBuffer(String name, int dim) {
        this.name = name;
        this.dim = dim;
        this.values = new float[64 * dim];
    }

    void add(double time, float[] row, boolean valid) {
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

    FeatureTrack build() {
        return new FeatureTrack(name, Arrays.copyOf(times, length), dim, Arrays.copyOf(values, length * dim), Arrays.copyOf(mask, length));
    }
}
