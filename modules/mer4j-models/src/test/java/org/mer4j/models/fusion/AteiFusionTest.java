package org.mer4j.models.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.heads.HeadSpec;

class AteiFusionTest {
    private static final int B = 2;
    private static final int T = 5;
    /** video first, so the default pair [audio, text] is not simply the first two modalities. */
    private static final ModelSpec SPEC = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO, Modality.TEXT),
            Map.of(Modality.VIDEO, 3, Modality.AUDIO, 4, Modality.TEXT, 4), List.of(HeadSpec.step("ah", 1)));
    /** Without dropout, so that inference and training passes are comparable. */
    private static final AteiConfig NO_DROPOUT = new AteiConfig(16, 2, 1, 1, 0f, 2, "gelu", null, null, 0.5f);

    @Test
    void mismatchVanishesWhenThePairSequencesAreIdenticalAndNotOtherwise() {
        try (NDManager manager = NDManager.newBaseManager()) {
            AteiFusionBlock block = build(manager, NO_DROPOUT, SPEC, 1);
            assertEquals(List.of(Modality.AUDIO, Modality.TEXT), block.pair(), "default pair");
            // the same encoder weights and the same features and masks give identical encoded sequences
            copyParameters(child(block, "audioEncoder"), child(block, "textEncoder"));
            NDArray mask = mask(manager);
            NDArray audio = gaussian(manager, 4, 7);
            NDList same = new NDList(gaussian(manager, 3, 8), mask, audio, mask, audio.duplicate(), mask);
            float[] identical = mismatch(block, manager, same);
            for (float v : identical) {
                assertEquals(0f, v, 1e-6f, "identical pair sequences must show no mismatch");
            }

            NDList different = new NDList(same.get(0), mask, audio, mask, gaussian(manager, 4, 9), mask);
            float[] mismatch = mismatch(block, manager, different);
            float smallestValid = Float.MAX_VALUE;
            float[] valid = mask.toFloatArray();
            for (int i = 0; i < mismatch.length; i++) {
                if (valid[i] > 0) {
                    smallestValid = Math.min(smallestValid, mismatch[i]);
                } else {
                    assertEquals(0f, mismatch[i], "no mismatch where the pair is missing");
                }
            }
            assertTrue(smallestValid > 1e-4f, "different text must show a mismatch at every valid step, smallest " + smallestValid);
        }
    }

    @Test
    void inconsistencyScaleStartsFromTheConfigAndIsTrained() {
        try (NDManager manager = NDManager.newBaseManager()) {
            AteiFusionBlock block = build(manager, NO_DROPOUT, SPEC, 2);
            Parameter scale = block.getParameters().get("inconsistencyScale");
            assertEquals(new Shape(1), scale.getArray().getShape());
            assertEquals(0.5f, scale.getArray().getFloat(0));
            for (Pair<String, Parameter> p : block.getParameters()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
            NDList inputs = new NDList(gaussian(manager, 3, 1), mask(manager), gaussian(manager, 4, 2), mask(manager),
                    gaussian(manager, 4, 3), mask(manager));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                FusedOutput out = block.fuse(new ParameterStore(manager, false), inputs, true);
                // not a function of the norm of the steps: the fusion encoder ends in LayerNorm, which fixes it
                collector.backward(out.steps().mul(gaussian(manager, 16, 4)).sum());
            }
            float gradient = scale.getArray().getGradient().getFloat(0);
            assertTrue(Float.isFinite(gradient) && Math.abs(gradient) > 1e-7f, "the scale must receive a gradient, got " + gradient);
        }
    }

    @Test
    void defaultPairFallsBackToTheFirstTwoModalitiesAndAConfiguredPairIsUsed() {
        ModelSpec videoAudio = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO), Map.of(Modality.VIDEO, 3, Modality.AUDIO, 4),
                List.of(HeadSpec.step("ah", 1)));
        assertEquals(List.of(Modality.VIDEO, Modality.AUDIO), AteiConfig.defaults().pairFor(videoAudio));
        AteiConfig textVideo = new AteiConfig(16, 2, 1, 1, 0f, 2, "gelu", 1, List.of("Text", "video"), 1f);
        assertEquals(List.of("text", "video"), textVideo.pair());
        assertEquals(List.of(Modality.TEXT, Modality.VIDEO), textVideo.pairFor(SPEC));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> new AteiProvider().build(textVideo, videoAudio));
        assertTrue(missing.getMessage().startsWith("fusion.pair") && missing.getMessage().contains("text"), missing.getMessage());
    }

    @Test
    void rejectsBadConfigsNamingTheField() {
        assertStartsWith("fusion.pair", () -> new AteiConfig(16, 2, 1, 1, 0f, 2, "gelu", null, List.of("audio"), 1f));
        assertStartsWith("fusion.pair", () -> new AteiConfig(16, 2, 1, 1, 0f, 2, "gelu", null, List.of("audio", "smell"), 1f));
        assertStartsWith("fusion.pair", () -> new AteiConfig(16, 2, 1, 1, 0f, 2, "gelu", null, List.of("audio", "AUDIO"), 1f));
        assertStartsWith("fusion.inconsistencyScale", () -> new AteiConfig(16, 2, 1, 1, 0f, 2, "gelu", null, null, Float.NaN));
        assertStartsWith("fusion.fusionLayers", () -> new AteiConfig(16, 2, 1, 0, 0f, 2, "gelu", null, null, 1f));
        assertStartsWith("fusion.window", () -> new AteiConfig(16, 2, 1, 1, 0f, 2, "gelu", -1, null, 1f));
        ModelSpec audioOnly = new ModelSpec(List.of(Modality.AUDIO), Map.of(Modality.AUDIO, 4), List.of(HeadSpec.step("ah", 1)));
        assertThrows(IllegalArgumentException.class, () -> new AteiProvider().build(AteiConfig.defaults(), audioOnly));
    }

    private static void assertStartsWith(String prefix, org.junit.jupiter.api.function.Executable config) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    private static AteiFusionBlock build(NDManager manager, AteiConfig config, ModelSpec spec, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        AteiFusionBlock block = (AteiFusionBlock) new AteiProvider().build(config, spec);
        block.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(spec, B, T));
        return block;
    }

    private static float[] mismatch(AteiFusionBlock block, NDManager manager, NDList inputs) {
        NDArray mismatch = block.fuse(new ParameterStore(manager, false), inputs, false).auxiliary().get("mismatch");
        assertEquals(new Shape(B, T), mismatch.getShape());
        return mismatch.toFloatArray();
    }

    /** The child called {@code name} (DJL prefixes child names with their position). */
    private static Block child(Block block, String name) {
        return block.getChildren().stream().filter(c -> c.getKey().matches("\\d+" + name)).map(Pair::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no child block " + name + " in " + block.getChildren().keys()));
    }

    private static void copyParameters(Block from, Block to) {
        PairList<String, Parameter> source = from.getParameters();
        PairList<String, Parameter> target = to.getParameters();
        assertEquals(source.keys(), target.keys());
        for (int i = 0; i < source.size(); i++) {
            target.get(i).getValue().getArray().set(source.get(i).getValue().getArray().toFloatArray());
        }
    }

    /** Clip 1 misses its last two steps. */
    private static NDArray mask(NDManager manager) {
        return manager.create(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 0, 0}, new Shape(B, T));
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
