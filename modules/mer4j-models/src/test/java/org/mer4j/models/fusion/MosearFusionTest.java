package org.mer4j.models.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.heads.HeadSpec;

class MosearFusionTest {
    private static final int B = 2;
    private static final int T = 4;
    private static final int M = 3;
    private static final ModelSpec SPEC = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO, Modality.TEXT),
            Map.of(Modality.VIDEO, 3, Modality.AUDIO, 4, Modality.TEXT, 2), List.of(HeadSpec.step("ah", 1)));
    /** Without dropout, so that training and inference passes differ only by the reallocation. */
    private static final MosearConfig NO_DROPOUT = new MosearConfig(16, 2, 1, 0f, 2, "gelu", 0.1f, 0.5f);

    /**
     * Video valid everywhere except clip 0 step 1; audio missing for all of clip 1; text missing at
     * clip 0 step 2. Clip 1 step 3 misses every modality.
     */
    private static NDList inputs(NDManager manager, long seed) {
        NDArray video = manager.create(new float[] {1, 0, 1, 1, 1, 1, 1, 0}, new Shape(B, T));
        NDArray audio = manager.create(new float[] {1, 1, 1, 1, 0, 0, 0, 0}, new Shape(B, T));
        NDArray text = manager.create(new float[] {1, 1, 0, 1, 1, 1, 1, 0}, new Shape(B, T));
        return new NDList(gaussian(manager, 3, seed), video, gaussian(manager, 4, seed + 1), audio, gaussian(manager, 2, seed + 2), text);
    }

    @Test
    void gateSumsToOneOverPresentModalitiesAndExcludesMissingOnes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MosearFusionBlock block = build(manager, NO_DROPOUT, 1);
            NDList in = inputs(manager, 3);
            for (boolean training : new boolean[] {true, false}) {
                NDArray gate = fuse(block, manager, in, training).auxiliary().get("gate");
                assertEquals(new Shape(B, T, M), gate.getShape());
                float[] sums = gate.sum(new int[] {2}).toFloatArray();
                float[] expected = {1, 1, 1, 1, 1, 1, 1, 0};
                assertArrayEquals(expected, sums, 1e-5f, "sums to 1 where a modality is present, 0 where none is");
                assertArrayEquals(new float[4], gate.get(new NDIndex("1, :, 1")).toFloatArray(), "audio is missing in clip 1");
                assertEquals(0f, gate.getFloat(0, 1, 0), "video is missing at clip 0 step 1");
                assertEquals(0f, gate.getFloat(0, 2, 2), "text is missing at clip 0 step 2");
                assertEquals(1f, gate.getFloat(1, 2, 0) + gate.getFloat(1, 2, 2), 1e-5f);
            }
        }
    }

    @Test
    void aMissingModalityContributesNothing() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MosearFusionBlock block = build(manager, NO_DROPOUT, 2);
            NDList in = inputs(manager, 5);
            NDList changed = new NDList(in);
            NDArray audio = in.get(2).duplicate();
            audio.set(new NDIndex("1, :, :"), 1000f);
            changed.set(2, audio);
            NDArray before = fuse(block, manager, in, false).steps().get(new NDIndex("1"));
            NDArray after = fuse(block, manager, changed, false).steps().get(new NDIndex("1"));
            assertArrayEquals(before.toFloatArray(), after.toFloatArray(), 1e-5f, "clip 1 has no audio");
        }
    }

    @Test
    void balanceRegulariserIsZeroForUniformGatesAndPositiveOtherwise() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MosearFusionBlock block = build(manager, NO_DROPOUT, 3);
            NDList in = inputs(manager, 7);
            NDArray skewed = fuse(block, manager, in, true).auxiliary().get("lossGateBalance");
            assertEquals(new Shape(), skewed.getShape(), "a scalar");
            assertTrue(skewed.getFloat() > 0f, "a randomly initialised gate is not uniform: " + skewed.getFloat());

            // logits all 0: the gate is uniform over the present modalities at every step
            for (Pair<String, Parameter> p : gateOutput(block)) {
                NDArray w = p.getValue().getArray();
                w.set(new float[(int) w.size()]);
            }
            FusedOutput uniform = fuse(block, manager, in, true);
            assertEquals(0f, uniform.auxiliary().get("lossGateBalance").getFloat(), 1e-7f);
            assertEquals(0.5f, uniform.auxiliary().get("gate").getFloat(1, 0, 0), 1e-6f, "clip 1: video and text present");
            assertEquals(1f / 3, uniform.auxiliary().get("gate").getFloat(0, 0, 1), 1e-6f, "clip 0 step 0: all present");
        }
    }

    @Test
    void balanceOfAOneSidedGateIsItsKlDivergenceFromUniform() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // one step, two modalities present: gate (1, 0) against uniform (1/2, 1/2): KL = log 2
            NDArray gate = manager.create(new float[] {1, 0}, new Shape(1, 1, 2));
            NDArray uniform = manager.create(new float[] {0.5f, 0.5f}, new Shape(1, 1, 2));
            NDArray union = manager.ones(new Shape(1, 1));
            assertEquals(Math.log(2), MosearFusionBlock.balance(gate, uniform, union).getFloat(), 1e-5);
            assertEquals(0f, MosearFusionBlock.balance(uniform, uniform, union).getFloat(), 1e-7f);
            assertEquals(0f, MosearFusionBlock.balance(gate.mul(0), uniform.mul(0), union.mul(0)).getFloat(), "no step present");
        }
    }

    @Test
    void inferenceWeightsAreReallocatedTowardsUniform() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MosearFusionBlock block = build(manager, NO_DROPOUT, 4);
            NDList in = inputs(manager, 9);
            NDArray uniform = fuse(withGateZeroed(manager, NO_DROPOUT), manager, in, true).auxiliary().get("gate");
            NDArray trained = fuse(block, manager, in, true).auxiliary().get("gate");
            NDArray inference = fuse(block, manager, in, false).auxiliary().get("gate");
            float trainingDistance = trained.sub(uniform).abs().sum().getFloat();
            float inferenceDistance = inference.sub(uniform).abs().sum().getFloat();
            assertTrue(trainingDistance > 1e-3f, "the trained gate should not be uniform already: " + trainingDistance);
            assertEquals(0.5f * trainingDistance, inferenceDistance, 1e-5f, "reallocation 0.5 halves the distance to uniform");

            MosearFusionBlock full = build(manager, new MosearConfig(16, 2, 1, 0f, 2, "gelu", 0.1f, 1f), 4);
            assertArrayEquals(uniform.toFloatArray(), fuse(full, manager, in, false).auxiliary().get("gate").toFloatArray(), 1e-6f);
            MosearFusionBlock none = build(manager, new MosearConfig(16, 2, 1, 0f, 2, "gelu", 0.1f, 0f), 4);
            assertArrayEquals(trained.toFloatArray(), fuse(none, manager, in, false).auxiliary().get("gate").toFloatArray(), 1e-6f);
        }
    }

    @Test
    void rejectsBadConfigsNamingTheField() {
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> new MosearConfig(16, 2, 1, 0f, 2, "gelu", 0.1f, 1.5f));
        assertTrue(r.getMessage().startsWith("fusion.reallocation"), r.getMessage());
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
                () -> new MosearConfig(16, 2, 1, 0f, 2, "gelu", -0.1f, 0.5f));
        assertTrue(g.getMessage().startsWith("fusion.gateRegularization"), g.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> new MosearConfig(16, 3, 1, 0f, 2, "gelu", 0.1f, 0.5f));
        assertTrue(h.getMessage().startsWith("fusion.heads"), h.getMessage());
    }

    /** The gate's output layer's parameters (DJL prefixes child names with their position). */
    private static ai.djl.util.PairList<String, Parameter> gateOutput(MosearFusionBlock block) {
        return block.getChildren().stream().filter(c -> c.getKey().matches("\\d+gateOutput")).map(Pair::getValue).findFirst()
                .orElseThrow().getParameters();
    }

    private static MosearFusionBlock withGateZeroed(NDManager manager, MosearConfig config) {
        MosearFusionBlock block = build(manager, config, 99);
        for (Pair<String, Parameter> p : gateOutput(block)) {
            NDArray w = p.getValue().getArray();
            w.set(new float[(int) w.size()]);
        }
        return block;
    }

    private static MosearFusionBlock build(NDManager manager, MosearConfig config, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        MosearFusionBlock block = (MosearFusionBlock) new MosearProvider().build(config, SPEC);
        block.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(SPEC, B, T));
        return block;
    }

    private static FusedOutput fuse(MosearFusionBlock block, NDManager manager, NDList inputs, boolean training) {
        return block.fuse(new ParameterStore(manager, false), inputs, training);
    }

    private static NDArray gaussian(NDManager manager, int dim, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[B * T * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return manager.create(x, new Shape(B, T, dim));
    }
}
