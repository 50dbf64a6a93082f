package org.mer4j.models.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.heads.HeadSpec;

class LateFusionTest {
    private static final ModelSpec SPEC = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO),
            Map.of(Modality.VIDEO, 6, Modality.AUDIO, 3),
            List.of(HeadSpec.step("ah", 1), HeadSpec.clip("emotion", 3), HeadSpec.attentionPooled("ahVideo", 1)));

    @Test
    void predictionsAreMixedWithWeightsRenormalisedOverPresentModalities() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LateFusionBlock block = new LateFusionBlock(new LateFusionConfig(16, 2, 1, 0f, 2, "gelu"), SPEC);
            block.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(SPEC, 2, 4));
            assertEquals(Set.of("ah", "emotion", "ahVideo"), block.ownHeads());
            NDArray audioMask = manager.ones(new Shape(2, 4));
            audioMask.set(new NDIndex("0, 1"), 0f); // clip 0: audio missing at step 1
            audioMask.set(new NDIndex("1, :"), 0f); // clip 1: audio missing throughout
            NDList inputs = new NDList(manager.randomNormal(new Shape(2, 4, 6)), manager.ones(new Shape(2, 4)),
                    manager.randomNormal(new Shape(2, 4, 3)), audioMask);

            FusedOutput mixed = fuse(block, manager, inputs, 0.5f, -0.3f);
            float wv = (float) (Math.exp(0.5) / (Math.exp(0.5) + Math.exp(-0.3)));
            float[] weights = mixed.auxiliary().get(LateFusionBlock.WEIGHTS).toFloatArray();
            float[] expected = new float[16];
            for (int b = 0; b < 2; b++) {
                for (int t = 0; t < 4; t++) {
                    boolean audio = b == 0 && t != 1;
                    expected[(b * 4 + t) * 2] = audio ? wv : 1f;
                    expected[(b * 4 + t) * 2 + 1] = audio ? 1 - wv : 0f;
                }
            }
            assertArrayEquals(expected, weights, 1e-5f);

            // nearly one-hot weights give each modality's own predictions; the mix is their weighted mean
            FusedOutput video = fuse(block, manager, inputs, 30f, -30f);
            FusedOutput audio = fuse(block, manager, inputs, -30f, 30f);
            for (String head : List.of("ah", "emotion", "ahVideo")) {
                NDArray v = video.headOutputs().get(head);
                NDArray a = audio.headOutputs().get(head);
                NDArray m = mixed.headOutputs().get(head);
                // clip 0 has both modalities in the clip and at steps 0, 2, 3
                String both = head.equals("ah") ? "0, 0" : "0";
                assertArrayEquals(v.get(both).mul(wv).add(a.get(both).mul(1 - wv)).toFloatArray(), m.get(both).toFloatArray(), 1e-5f, head);
                assertFalse(java.util.Arrays.equals(v.get(both).toFloatArray(), a.get(both).toFloatArray()), head);
                // clip 1 has no audio: every head is video's alone, whatever the weights
                assertArrayEquals(v.get("1").toFloatArray(), m.get("1").toFloatArray(), 1e-6f, head);
                assertArrayEquals(v.get("1").toFloatArray(), a.get("1").toFloatArray(), 1e-6f, head);
            }
            // at the step where audio is missing, the step head is video's alone
            assertArrayEquals(video.headOutputs().get("ah").get("0, 1").toFloatArray(),
                    audio.headOutputs().get("ah").get("0, 1").toFloatArray(), 1e-6f);
        }
    }

    private static FusedOutput fuse(LateFusionBlock block, NDManager manager, NDList inputs, float videoLogit, float audioLogit) {
        ParameterLookup.get(block, "modalityLogits").set(new float[] {videoLogit, audioLogit});
        return block.fuse(new ParameterStore(manager, false), inputs, false);
    }
}
