package org.mer4j.models.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;
import org.mer4j.models.ModelSpec;

class JmtTest {

    @Test
    void branchWeightsAreAConvexCombinationPerStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            JmtBranchAttention attention = new JmtBranchAttention(8);
            Engine.getInstance().setRandomSeed(2);
            attention.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 5, 8));
            NDArray branches = manager.randomNormal(new Shape(2, 3, 5, 8));
            NDList out = forward(attention, manager, branches);
            NDArray w = out.get(1);
            assertEquals(new Shape(2, 3, 5), w.getShape());
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, w.sum(new int[] {2}).toFloatArray(), 1e-5f);
            assertTrue(w.min().getFloat() > 0f);
            NDArray expected = branches.mul(w.expandDims(3)).sum(new int[] {2});
            assertArrayEquals(expected.toFloatArray(), out.get(0).toFloatArray(), 1e-5f);

            // identical branches fuse to that branch, whatever the weights
            NDArray one = manager.randomNormal(new Shape(2, 3, 1, 8));
            NDArray same = NDArrays.concat(new NDList(one, one, one, one, one), 2);
            assertArrayEquals(one.squeeze(2).toFloatArray(), forward(attention, manager, same).get(0).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void theJointIsAKeyValueSourceOfEveryModalityBesideAllOrderedPairs() {
        ModelSpec spec = AttentionFusionTestInputs.spec(Modality.VIDEO, Modality.AUDIO, Modality.TEXT);
        try (NDManager manager = NDManager.newBaseManager()) {
            JmtBlock block = AttentionFusionTestInputs.initialised(new JmtBlock(JmtConfig.defaults(), spec), manager, spec, 1);
            List<String> children = AttentionFusionTestInputs.childNames(block);
            for (String branch : List.of("videoFromAudio", "videoFromText", "videoFromJoint", "audioFromVideo", "audioFromText",
                    "audioFromJoint", "textFromVideo", "textFromAudio", "textFromJoint")) {
                assertTrue(children.contains(branch + "Cross0"), branch + " missing in " + children);
            }
            assertTrue(children.contains("jointEncoder"), children.toString());
            assertEquals(10, JmtBlock.branchCount(3), "9 cross-attention branches and the joint itself");
            NDArray steps = AttentionFusionTestInputs.fuse(block, manager, AttentionFusionTestInputs.inputs(manager, spec, 2, 4, 3)).steps();
            assertEquals(new Shape(2, 4, 32), steps.getShape());
        }
    }

    @Test
    void aModalityMissingFromAClipContributesNothing() {
        ModelSpec spec = AttentionFusionTestInputs.spec(Modality.VIDEO, Modality.AUDIO);
        try (NDManager manager = NDManager.newBaseManager()) {
            JmtBlock block = AttentionFusionTestInputs.initialised(new JmtBlock(JmtConfig.defaults(), spec), manager, spec, 6);
            NDList noVideo = AttentionFusionTestInputs.masked(AttentionFusionTestInputs.inputs(manager, spec, 2, 5, 4), 0, 1, 0, 5);
            NDArray base = AttentionFusionTestInputs.fuse(block, manager, noVideo).steps();
            NDArray changed = AttentionFusionTestInputs.fuse(block, manager, AttentionFusionTestInputs.overwritten(noVideo, 0, 1, 0, 5, -30f)).steps();
            assertArrayEquals(base.toFloatArray(), changed.toFloatArray(), 1e-5f);
            for (float v : base.toFloatArray()) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    private static NDList forward(JmtBranchAttention attention, NDManager manager, NDArray branches) {
        return attention.forward(new ParameterStore(manager, false), new NDList(branches), false);
    }
}
