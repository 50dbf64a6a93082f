package org.mer4j.models.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class AttentionMasksTest {

    @Test
    void selfAttentionMasksMissingKeysButKeepsTheDiagonal() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] attention = AttentionMasks.selfAttention(manager.create(new float[] {1, 0, 1}, new Shape(1, 3))).toFloatArray();
            assertArrayEquals(new float[] {1, 0, 1, 1, 1, 1, 1, 0, 1}, attention);
        }
    }

    @Test
    void positionalEncodingFollowsVaswani() {
        float[] pe = PositionalEncoding.table(2, 4);
        assertArrayEquals(new float[] {0, 1, 0, 1, (float) Math.sin(1), (float) Math.cos(1),
                (float) Math.sin(0.01), (float) Math.cos(0.01)}, pe, 1e-6f);
    }
}
