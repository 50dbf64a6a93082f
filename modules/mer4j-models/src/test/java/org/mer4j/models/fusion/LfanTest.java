package org.mer4j.models.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

class LfanTest {
    private static final ModelSpec VIDEO_AUDIO = AttentionFusionTestInputs.spec(Modality.VIDEO, Modality.AUDIO);

    @Test
    void theLeaderIsTheFirstModalityUnlessConfiguredAndMustBeInTheSpec() {
        assertEquals(Modality.VIDEO, new LfanBlock(LfanConfig.defaults(), VIDEO_AUDIO).leader());
        assertEquals(Modality.AUDIO, new LfanBlock(withLeader("audio"), VIDEO_AUDIO).leader());

        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class, () -> new LfanBlock(withLeader("text"), VIDEO_AUDIO));
        assertTrue(absent.getMessage().contains("fusion.leader") && absent.getMessage().contains("[video, audio]"), absent.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> withLeader("face"));
        assertTrue(unknown.getMessage().contains("fusion.leader") && unknown.getMessage().contains("video, audio, text"), unknown.getMessage());
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
                () -> new LfanBlock(LfanConfig.defaults(), AttentionFusionTestInputs.spec(Modality.VIDEO)));
        assertTrue(alone.getMessage().contains("at least one follower"), alone.getMessage());
    }

    @Test
    void anAudioLeaderRunsOnTheSameInputs() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LfanBlock block = AttentionFusionTestInputs.initialised(new LfanBlock(withLeader("audio"), VIDEO_AUDIO), manager, VIDEO_AUDIO, 1);
            NDArray steps = AttentionFusionTestInputs.fuse(block, manager, AttentionFusionTestInputs.inputs(manager, VIDEO_AUDIO, 2, 4, 1)).steps();
            assertEquals(new Shape(2, 4, 32), steps.getShape());
            for (float v : steps.toFloatArray()) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    /** Tokens {@code [2, 5, 3, 16]}: leader, then two followers; the second follower is missing at step 3 of clip 0. */
    @Test
    void theFollowerSummaryIsComputedPerStepFromTheLeaderAndTheValidFollowers() {
        LfanConfig config = new LfanConfig(16, 2, 1, 1, 0f, 2, "gelu", null);
        try (NDManager manager = NDManager.newBaseManager()) {
            LfanFollowerAttention attention = new LfanFollowerAttention(config);
            Engine.getInstance().setRandomSeed(5);
            attention.initialize(manager, DataType.FLOAT32, new Shape(2, 5, 3, 16), new Shape(2, 5, 3));
            NDArray tokens = manager.randomNormal(new Shape(2, 5, 3, 16));
            NDArray mask = manager.ones(new Shape(2, 5, 3));
            mask.set(new NDIndex("0, 3, 2"), 0f);
            NDArray summary = summary(attention, manager, tokens, mask);
            assertEquals(new Shape(2, 5, 16), summary.getShape());

            NDArray stepOne = summary(attention, manager, edited(tokens, "0, 1, :, :"), mask);
            for (int t = 0; t < 5; t++) {
                assertEquals(t == 1, differ(summary.get("0, " + t), stepOne.get("0, " + t), 1e-5f), "only step 1 may change; step " + t);
            }
            assertFalse(differ(summary.get("1"), stepOne.get("1"), 1e-5f), "the other clip must not change");

            NDArray missingFollower = summary(attention, manager, edited(tokens, "0, 3, 2, :"), mask);
            assertFalse(differ(summary, missingFollower, 1e-5f), "a follower missing at a step contributes nothing there");

            NDArray leader = summary(attention, manager, edited(tokens, "0, 3, 0, :"), mask);
            assertTrue(differ(summary.get("0, 3"), leader.get("0, 3"), 1e-5f), "the followers attend to the leader's token");
        }
    }

    private static LfanConfig withLeader(String leader) {
        LfanConfig d = LfanConfig.defaults();
        return new LfanConfig(d.dModel(), d.heads(), d.layers(), d.fusionLayers(), d.dropout(), d.ffMultiplier(), d.activation(), leader);
    }

    private static NDArray edited(NDArray tokens, String index) {
        NDArray copy = tokens.duplicate();
        copy.set(new NDIndex(index), 4f);
        return copy;
    }

    private static NDArray summary(LfanFollowerAttention attention, NDManager manager, NDArray tokens, NDArray mask) {
        return attention.forward(new ParameterStore(manager, false), new NDList(tokens, mask), false).singletonOrThrow();
    }
}
