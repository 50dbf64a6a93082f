package org.mer4j.models.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.heads.HeadSpec;

class GmuTest {
    private static final ModelSpec SPEC = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO),
            Map.of(Modality.VIDEO, 6, Modality.AUDIO, 3), List.of(HeadSpec.step("ah", 1), HeadSpec.clip("emotion", 3)));

    @Test
    void gatesSumToOneOverPresentModalitiesAndMixTheModalityHiddens() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GmuBlock block = new GmuBlock(new GmuConfig(8, 0, 4, 0f, 4, "gelu"), SPEC);
            block.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(SPEC, 2, 4));
            NDArray videoMask = manager.ones(new Shape(2, 4));
            videoMask.set(new NDIndex("1, 3"), 0f);
            NDArray audioMask = manager.ones(new Shape(2, 4));
            audioMask.set(new NDIndex("0, 1:3"), 0f);
            audioMask.set(new NDIndex("1, 3"), 0f);
            NDList inputs = new NDList(manager.randomNormal(new Shape(2, 4, 6)), videoMask, manager.randomNormal(new Shape(2, 4, 3)), audioMask);
            FusedOutput out = block.fuse(new ParameterStore(manager, false), inputs, false);
            NDArray gate = out.auxiliary().get(GmuBlock.GATE);
            assertEquals(new Shape(2, 4, 2), gate.getShape());

            float[] z = gate.toFloatArray();
            float[] sums = gate.sum(new int[] {2}).toFloatArray();
            for (int b = 0; b < 2; b++) {
                for (int t = 0; t < 4; t++) {
                    int step = b * 4 + t;
                    boolean audio = !(b == 0 && (t == 1 || t == 2)) && !(b == 1 && t == 3);
                    boolean any = !(b == 1 && t == 3);
                    assertEquals(any ? 1f : 0f, sums[step], 1e-6f, "gate sum at " + b + "," + t);
                    if (!audio) {
                        assertEquals(0f, z[step * 2 + 1], 0f, "masked audio gets no weight at " + b + "," + t);
                    } else {
                        assertTrue(z[step * 2] > 0 && z[step * 2 + 1] > 0);
                    }
                }
            }
            // output = z_v tanh(W_v x_v) + z_a tanh(W_a x_a), per step
            NDArray hv = hidden(block, "video", inputs.get(0), videoMask);
            NDArray ha = hidden(block, "audio", inputs.get(2), audioMask);
            NDArray expected = hv.mul(gate.get(":, :, 0:1")).add(ha.mul(gate.get(":, :, 1:2")));
            assertArrayEquals(expected.toFloatArray(), out.steps().toFloatArray(), 1e-5f);
            // where audio is missing, the unit gives video's hidden alone
            assertArrayEquals(hv.get("0, 1:3").toFloatArray(), out.steps().get("0, 1:3").toFloatArray(), 1e-6f);
        }
    }

    @Test
    void optionalEncodersKeepTheGateAModalityDistribution() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GmuBlock block = new GmuBlock(new GmuConfig(8, 1, 2, 0f, 2, "relu"), SPEC);
            block.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(SPEC, 2, 4));
            NDList inputs = new NDList(manager.randomNormal(new Shape(3, 1, 6)), manager.ones(new Shape(3, 1)),
                    manager.randomNormal(new Shape(3, 1, 3)), manager.ones(new Shape(3, 1)));
            FusedOutput out = block.fuse(new ParameterStore(manager, false), inputs, false);
            assertEquals(new Shape(3, 1, 8), out.steps().getShape());
            assertArrayEquals(new float[] {1, 1, 1}, out.auxiliary().get(GmuBlock.GATE).sum(new int[] {2}).toFloatArray(), 1e-6f);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GmuConfig(32, -1, 4, 0.1f, 4, "gelu"));
        assertTrue(e.getMessage().startsWith("fusion.encoderLayers"), e.getMessage());
    }

    /** tanh(W x + b) from the block's projection of {@code key}, on the masked features. */
    private static NDArray hidden(GmuBlock block, String key, NDArray x, NDArray mask) {
        NDArray weight = ParameterLookup.get(block, key + "Projection_weight");
        NDArray bias = ParameterLookup.get(block, key + "Projection_bias");
        return x.mul(mask.expandDims(2)).matMul(weight.transpose()).add(bias).tanh();
    }
}
