package org.mer4j.models.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mer4j.models.fusion.AttentionFusionTestInputs.differ;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;
import org.mer4j.models.ModelSpec;

class CanTest {
    private static final double TANH_RATIO = Math.exp(2);

    @Test
    void attentionWeightsCoverOnlyValidJointStepsAndSumToOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray correlations = manager.randomUniform(-1f, 1f, new Shape(2, 3, 4));
            NDArray keyMask = manager.create(new float[] {1, 0, 1, 1, 0, 0, 0, 0}, new Shape(2, 4));
            NDArray w = CanJointAttention.weights(correlations, keyMask);
            assertArrayEquals(new float[] {1, 1, 1}, w.get("0").sum(new int[] {1}).toFloatArray(), 1e-5f);
            assertArrayEquals(new float[3], w.get("0, :, 1").toFloatArray(), 0f, "a missing joint step gets no weight");
            assertArrayEquals(new float[12], w.get("1").toFloatArray(), 0f, "a clip without valid steps attends to nothing");
        }
    }

    /** The joint cross-correlation goes through tanh: however large the features, two valid keys differ by at most e^2 in weight. */
    @Test
    void theTanhCorrelationBoundsHowSharplyAStepAttends() {
        try (NDManager manager = NDManager.newBaseManager()) {
            CanJointAttention attention = new CanJointAttention(8, 16);
            Engine.getInstance().setRandomSeed(3);
            attention.initialize(manager, DataType.FLOAT32, new Shape(2, 6, 8), new Shape(2, 6, 16), new Shape(2, 6));
            NDArray x = manager.randomNormal(0f, 100f, new Shape(2, 6, 8), DataType.FLOAT32);
            NDArray joint = manager.randomNormal(0f, 100f, new Shape(2, 6, 16), DataType.FLOAT32);
            NDList out = attention.forward(new ParameterStore(manager, false), new NDList(x, joint, manager.ones(new Shape(2, 6))), false);
            NDArray w = out.get(1);
            float ratio = w.max(new int[] {2}).div(w.min(new int[] {2})).max().getFloat();
            assertTrue(ratio > 1.5f && ratio <= TANH_RATIO + 1e-3, "weights of one step " + ratio + " apart");
            assertTrue(out.get(0).min().getFloat() >= 0f, "H = ReLU(...) is non-negative");
            assertEquals(new Shape(2, 6, 8), out.get(0).getShape());
        }
    }

    @Test
    void aModalityMissingFromAClipContributesNothing() {
        ModelSpec spec = AttentionFusionTestInputs.spec(Modality.VIDEO, Modality.AUDIO);
        try (NDManager manager = NDManager.newBaseManager()) {
            CanBlock block = AttentionFusionTestInputs.initialised(new CanBlock(CanConfig.defaults(), spec), manager, spec, 4);
            NDList in = AttentionFusionTestInputs.inputs(manager, spec, 2, 5, 9);
            NDList noAudio = AttentionFusionTestInputs.masked(in, 1, 0, 0, 5);
            NDArray base = AttentionFusionTestInputs.fuse(block, manager, noAudio).steps();
            NDArray changed = AttentionFusionTestInputs.fuse(block, manager, AttentionFusionTestInputs.overwritten(noAudio, 1, 0, 0, 5, 50f)).steps();
            assertArrayEquals(base.get("0").toFloatArray(), changed.get("0").toFloatArray(), 1e-5f);
            NDArray present = AttentionFusionTestInputs.fuse(block, manager, AttentionFusionTestInputs.overwritten(in, 1, 0, 0, 5, 50f)).steps();
            NDArray original = AttentionFusionTestInputs.fuse(block, manager, in).steps();
            assertTrue(differ(original.get("0"), present.get("0"), 1e-4f), "valid audio must reach the output");
            assertArrayEquals(original.get(new NDIndex("1")).toFloatArray(), present.get(new NDIndex("1")).toFloatArray(), 1e-5f,
                    "clips do not see each other");
        }
    }
}
