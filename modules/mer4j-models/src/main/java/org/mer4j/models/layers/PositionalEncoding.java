package org.mer4j.models.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Fixed sinusoidal positional encoding of Vaswani et al. 2017 ("Attention Is All You Need"):
 * {@code PE[t, 2i] = sin(t / 10000^(2i/d))}, {@code PE[t, 2i+1] = cos(t / 10000^(2i/d))}.
 */
public final class PositionalEncoding {
    private PositionalEncoding() {
    }

    /** The table {@code [T, d]} as Java floats. */
    public static float[] table(int steps, int dModel) {
        float[] pe = new float[steps * dModel];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < dModel; i += 2) {
                double angle = t / Math.pow(10000.0, i / (double) dModel);
                pe[t * dModel + i] = (float) Math.sin(angle);
                if (i + 1 < dModel) {
                    pe[t * dModel + i + 1] = (float) Math.cos(angle);
                }
            }
        }
        return pe;
    }

    /** The table {@code [1, T, d]} on {@code manager}, ready to broadcast-add to {@code [B,T,d]}. */
    public static NDArray create(NDManager manager, int steps, int dModel) {
        return manager.create(table(steps, dModel), new Shape(1, steps, dModel));
    }
}
