package org.mer4j.models.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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

class TfnTest {
    private static final List<HeadSpec> HEADS = List.of(HeadSpec.step("ah", 1), HeadSpec.clip("emotion", 3));
    private static final ModelSpec SPEC = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO),
            Map.of(Modality.VIDEO, 6, Modality.AUDIO, 3), HEADS);

    @Test
    void fusionTensorHoldsUnimodalAndBimodalTermsAndTheConstant() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {2, 3, 1}, new Shape(1, 1, 3));
            NDArray b = manager.create(new float[] {5, 7, 1}, new Shape(1, 1, 3));
            NDArray fused = TfnBlock.tensorFusion(List.of(a, b));
            assertEquals(new Shape(1, 1, 9), fused.getShape());
            // a_i b_j, a_i (times b's 1) ... ; then b_j (times a's 1) and the constant 1
            assertArrayEquals(new float[] {10, 14, 2, 15, 21, 3, 5, 7, 1}, fused.toFloatArray());
            // a modality missing at a step ([0, 0, 1]) leaves only the other's unimodal terms and the 1
            NDArray missing = manager.create(new float[] {0, 0, 1}, new Shape(1, 1, 3));
            assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 5, 7, 1}, TfnBlock.tensorFusion(List.of(missing, b)).toFloatArray());
        }
    }

    @Test
    void fusionLayerReadsTheWholeTensorAndGivesDModelPerStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TfnBlock block = new TfnBlock(new TfnConfig(16, 4, 0f), SPEC);
            block.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(SPEC, 2, 5));
            assertEquals(25, block.tensorWidth());
            assertEquals(new Shape(16, 25), ParameterLookup.get(block, "fusionLayer_weight").getShape());
            NDList inputs = new NDList(manager.randomNormal(new Shape(3, 1, 6)), manager.ones(new Shape(3, 1)),
                    manager.randomNormal(new Shape(3, 1, 3)), manager.ones(new Shape(3, 1)));
            FusedOutput out = block.fuse(new ParameterStore(manager, false), inputs, false);
            assertEquals(new Shape(3, 1, 16), out.steps().getShape(), "utterance-level input, T = 1");
            assertEquals(16, block.stepWidth());

            ModelSpec three = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO, Modality.TEXT),
                    Map.of(Modality.VIDEO, 6, Modality.AUDIO, 3, Modality.TEXT, 2), HEADS);
            assertEquals(729, new TfnBlock(TfnConfig.defaults(), three).tensorWidth());
        }
    }

    @Test
    void rejectsBadConfigsAndOversizedTensors() {
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class, () -> new TfnConfig(32, 0, 0.1f));
        assertTrue(width.getMessage().startsWith("fusion.modalityWidth"), width.getMessage());
        IllegalArgumentException dropout = assertThrows(IllegalArgumentException.class, () -> new TfnConfig(32, 8, 1f));
        assertTrue(dropout.getMessage().startsWith("fusion.dropout"), dropout.getMessage());
        ModelSpec three = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO, Modality.TEXT),
                Map.of(Modality.VIDEO, 6, Modality.AUDIO, 3, Modality.TEXT, 2), HEADS);
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class, () -> new TfnBlock(new TfnConfig(32, 64, 0f), three));
        assertTrue(huge.getMessage().contains("fusion.modalityWidth") && huge.getMessage().contains("lmf"), huge.getMessage());
    }
}
