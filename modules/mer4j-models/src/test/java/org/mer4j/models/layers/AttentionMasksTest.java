package org.mer4j.models.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.mer4j.models.fusion.CrossAttentionConfig;

class AttentionMasksTest {

    @Test
    void bandMaskKeepsStepsWithinTheWindowAndTheExtraKey() {
        try (NDManager manager = NDManager.newBaseManager()) {
            var band = AttentionMasks.band(4, 4, 1, manager);
            assertEquals(new Shape(1, 4, 5), band.getShape());
            assertArrayEquals(new float[] {
                1, 1, 0, 0, 1,
                1, 1, 1, 0, 1,
                0, 1, 1, 1, 1,
                0, 0, 1, 1, 1}, band.toFloatArray());
            assertArrayEquals(new float[] {1, 0, 1, 0, 1, 1}, AttentionMasks.band(2, 2, 0, manager).toFloatArray(), "window 0: the same step");
            // two sources of 3 steps concatenated along time: each query sees its own step of both sources
            assertArrayEquals(new float[] {
                1, 0, 0, 1, 0, 0, 1,
                0, 1, 0, 0, 1, 0, 1,
                0, 0, 1, 0, 0, 1, 1}, AttentionMasks.band(3, 6, 0, manager).toFloatArray(), "window 0 over two concatenated sources");
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> AttentionMasks.band(3, 5, 1, manager));
        }
    }

    @Test
    void negativeWindowIsRejectedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossAttentionConfig(32, 4, 1, 1, 0.1f, 4, "gelu", -1));
        assertEquals(true, e.getMessage().startsWith("fusion.window"), e.getMessage());
    }
}
