package org.mer4j.models.layers;

import ai.djl.ndarray.NDArray;
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
}
