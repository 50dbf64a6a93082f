package org.mer4j.models.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mer4j.models.fusion.AttentionFusionTestInputs.differ;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;
import org.mer4j.models.ModelSpec;

class MultTest {

    @Test
    void temporalConvolutionReadsValidNeighboursButNeverWhatMaskedStepsHold() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MultProjection conv = projection(manager, 3);
            NDArray x = manager.randomNormal(new Shape(1, 6, 4));
            NDArray mask = manager.ones(new Shape(1, 6));
            mask.set(new ai.djl.ndarray.index.NDIndex("0, 3"), 0f);
            NDArray y = forward(conv, manager, x, mask);

            NDArray hiddenChanged = x.duplicate();
            hiddenChanged.set(new ai.djl.ndarray.index.NDIndex("0, 3, :"), 1000f);
            assertArrayEquals(y.toFloatArray(), forward(conv, manager, hiddenChanged, mask).toFloatArray(), 1e-5f,
                    "a masked step's features must not reach any output");

            NDArray neighbourChanged = x.duplicate();
            neighbourChanged.set(new ai.djl.ndarray.index.NDIndex("0, 1, :"), 5f);
            NDArray y2 = forward(conv, manager, neighbourChanged, mask);
            for (int t = 0; t < 6; t++) {
                String step = "0, " + t;
                boolean reached = differ(y.get(step), y2.get(step), 1e-5f);
                assertEquals(t <= 2, reached, "kernel 3 reaches one step either side; step " + t);
            }

            MultProjection pointwise = projection(manager, 1);
            NDArray p = forward(pointwise, manager, x, mask);
            NDArray p2 = forward(pointwise, manager, neighbourChanged, mask);
            for (int t = 0; t < 6; t++) {
                assertEquals(t == 1, differ(p.get("0, " + t), p2.get("0, " + t), 1e-5f), "kernel 1 reads only its own step; step " + t);
            }
        }
    }

    @Test
    void everyOrderedPairHasACrossmodalTransformerAndEachTargetASelfAttentionOverItsConcatenation() {
        ModelSpec spec = AttentionFusionTestInputs.spec(Modality.VIDEO, Modality.AUDIO, Modality.TEXT);
        try (NDManager manager = NDManager.newBaseManager()) {
            MultBlock block = AttentionFusionTestInputs.initialised(new MultBlock(MultConfig.defaults(), spec), manager, spec, 1);
            List<String> children = AttentionFusionTestInputs.childNames(block);
            for (String pair : List.of("videoFromAudio", "videoFromText", "audioFromVideo", "audioFromText", "textFromVideo", "textFromAudio")) {
                assertTrue(children.contains(pair + "Cross0"), pair + " missing in " + children);
            }
            assertFalse(children.stream().anyMatch(c -> c.startsWith("videoFromVideo")), "no pair of a modality with itself: " + children);
            // the self-attention of a target works on its two crossmodal outputs side by side: 2 * dModel
            long selfWidth = AttentionFusionTestInputs.child(block, "textSelf0").getParameters().stream()
                    .filter(p -> p.getKey().contains("attentionNorm") && p.getKey().endsWith("gamma")).findFirst().orElseThrow().getValue().getArray().size();
            assertEquals(2L * MultConfig.defaults().dModel(), selfWidth);

            NDList in = AttentionFusionTestInputs.inputs(manager, spec, 2, 5, 3);
            NDArray steps = AttentionFusionTestInputs.fuse(block, manager, in).steps();
            assertEquals(new Shape(2, 5, 32), steps.getShape());
        }
    }

    @Test
    void aWindowOfZeroWithoutSelfAttentionKeepsEveryStepToItself() {
        ModelSpec spec = AttentionFusionTestInputs.spec(Modality.VIDEO, Modality.AUDIO);
        MultConfig local = new MultConfig(16, 2, 1, 1, 0, 0f, 2, "gelu", 0);
        MultConfig global = new MultConfig(16, 2, 1, 1, 0, 0f, 2, "gelu", null);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList in = AttentionFusionTestInputs.inputs(manager, spec, 1, 6, 4);
            NDList changed = AttentionFusionTestInputs.overwritten(in, 1, 0, 4, 5, 3f);
            for (MultConfig config : List.of(local, global)) {
                MultBlock block = AttentionFusionTestInputs.initialised(new MultBlock(config, spec), manager, spec, 2);
                NDArray before = AttentionFusionTestInputs.fuse(block, manager, in).steps();
                NDArray after = AttentionFusionTestInputs.fuse(block, manager, changed).steps();
                assertTrue(differ(before.get("0, 4"), after.get("0, 4"), 1e-5f), "the changed step itself must change");
                boolean elsewhere = differ(before.get("0, :4"), after.get("0, :4"), 1e-5f);
                assertEquals(config.window() == null, elsewhere, "window " + config.window() + ": did other steps see step 4?");
            }
        }
    }

    @Test
    void rejectsBadSettingsNamingTheField() {
        IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
                () -> new MultConfig(32, 4, 2, 1, 1, 0.1f, 4, "gelu", null));
        assertTrue(even.getMessage().contains("fusion.kernel"), even.getMessage());
        IllegalArgumentException self = assertThrows(IllegalArgumentException.class,
                () -> new MultConfig(32, 4, 1, 1, -1, 0.1f, 4, "gelu", null));
        assertTrue(self.getMessage().contains("fusion.selfLayers"), self.getMessage());
        IllegalArgumentException cross = assertThrows(IllegalArgumentException.class,
                () -> new MultConfig(32, 4, 1, 0, 1, 0.1f, 4, "gelu", null));
        assertTrue(cross.getMessage().contains("fusion.crossLayers"), cross.getMessage());
        IllegalArgumentException unimodal = assertThrows(IllegalArgumentException.class,
                () -> new MultBlock(MultConfig.defaults(), AttentionFusionTestInputs.spec(Modality.AUDIO)));
        assertTrue(unimodal.getMessage().contains("at least two modalities"), unimodal.getMessage());
    }

    private static MultProjection projection(NDManager manager, int kernel) {
        MultProjection p = new MultProjection(8, kernel, 0f);
        ai.djl.engine.Engine.getInstance().setRandomSeed(7);
        p.initialize(manager, DataType.FLOAT32, new Shape(1, 6, 4), new Shape(1, 6));
        return p;
    }

    private static NDArray forward(MultProjection p, NDManager manager, NDArray x, NDArray mask) {
        return p.forward(new ParameterStore(manager, false), new NDList(x, mask), false).singletonOrThrow();
    }
}
