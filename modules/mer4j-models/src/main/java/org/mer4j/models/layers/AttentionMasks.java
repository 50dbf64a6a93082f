package org.mer4j.models.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.mer4j.models.Scalars;

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
     * Band mask {@code [1, queries, keys + 1]}: 1 where {@code |query - key| <= window}, and in the last
     * column (an always-visible extra key such as a null token).
     */
    public static NDArray band(long queries, long keys, int window, NDManager manager) {
        NDArray q = manager.arange(0f, (float) queries).reshape(queries, 1);
        NDArray k = manager.arange(0f, (float) keys).reshape(1, keys);
        NDArray distance = q.sub(k).abs();
        NDArray inside = distance.lte(Scalars.of(distance, window)).toType(DataType.FLOAT32, false);
        return inside.concat(manager.ones(new Shape(queries, 1)), 1).expandDims(0);
    }
}
