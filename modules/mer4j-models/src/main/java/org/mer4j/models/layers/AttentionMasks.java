package org.mer4j.models.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Attention masks in the layout of {@link ai.djl.nn.transformer.ScaledDotProductAttentionBlock}:
 * {@code [B, queries, keys]}, 1 where a query may attend to a key, 0 where it may not (the block
 * adds -100000 to those scores before the softmax).
 */
public final class AttentionMasks {
    private AttentionMasks() {
    }

    /**
     * Self-attention mask from a step mask {@code [B,T]}: every step attends to the valid steps and
     * always to itself, so a row whose keys are all masked (a clip with no valid step) still has one
     * key and the softmax never sees only masked scores.
     *
     * @return {@code [B,T,T]}
     */
    public static NDArray selfAttention(NDArray stepMask) {
        long b = stepMask.getShape().get(0);
        long t = stepMask.getShape().get(1);
        NDArray keys = stepMask.expandDims(1).broadcast(new Shape(b, t, t));
        NDArray self = stepMask.getManager().eye((int) t).expandDims(0);
        return keys.maximum(self);
    }

    /**
     * Cross-attention mask from the key mask {@code [B,S]} for {@code queries} query steps.
     *
     * @return {@code [B,queries,S]}
     */
    public static NDArray cross(NDArray keyMask, long queries) {
        long b = keyMask.getShape().get(0);
        long s = keyMask.getShape().get(1);
        return keyMask.expandDims(1).broadcast(new Shape(b, queries, s));
    }

    /**
     * Band mask {@code [1, queries, keys + 1]}: 1 where {@code |query - key mod queries| <= window}, and in
     * the last column (an always-visible extra key such as a null token). The keys are one or more
     * sources on the queries' timeline concatenated along time ({@code keys} a multiple of
     * {@code queries}), so every source is seen around the query's own step. Built on the Java side and created in
     * one operation (it depends only on the sizes, not on the batch); its values are exactly 0 and 1.
     */
    public static NDArray band(long queries, long keys, int window, NDManager manager) {
        int q = Math.toIntExact(queries);
        int k = Math.toIntExact(keys);
        if (q == 0 || k % q != 0) {
            throw new IllegalArgumentException("a band mask needs sources on the queries' timeline: " + k + " key steps are not a whole"
                    + " number of sequences of " + q + " steps");
        }
        float[] values = new float[Math.multiplyExact(q, k + 1)];
        for (int i = 0; i < q; i++) {
            int row = i * (k + 1);
            for (int j = 0; j < k; j++) {
                // key j is step j mod T of its source: several sources concatenated along time share the timeline
                values[row + j] = Math.abs(i - j % q) <= window ? 1f : 0f;
            }
            values[row + k] = 1f;
        }
        return manager.create(values, new Shape(1, queries, keys + 1));
    }
}
