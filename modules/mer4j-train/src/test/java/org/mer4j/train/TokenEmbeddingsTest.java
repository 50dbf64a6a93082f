package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.Modality;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.FusionRegistry;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.TokenInput;
import org.mer4j.models.fusion.PooledMlpConfig;
import org.mer4j.models.layers.TokenEmbeddings;
import org.mer4j.train.tasks.TaskSet;

/** Learned token embeddings: an index lookup inside the model, trained with the task. */
class TokenEmbeddingsTest {
    private static final int WORDS = 200;

    /** Text clips of 6 steps [noise, word row]; the label is the parity of the word, unrelated to the noise. */
    private static List<AlignedClip> clips(int n, long seed) {
        Random rng = new Random(seed);
        List<AlignedClip> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int word = 1 + c % WORDS;
            float[] x = new float[6 * 2];
            boolean[] mask = new boolean[6];
            for (int t = 0; t < 6; t++) {
                x[2 * t] = (float) rng.nextGaussian();
                x[2 * t + 1] = word;
                mask[t] = true;
            }
            out.add(new AlignedClip("w" + seed + "-" + c, "s" + c % 4, 4, 6, Map.of(Modality.TEXT, x), Map.of(Modality.TEXT, 2),
                    Map.of(Modality.TEXT, mask), new ClipLabels(word % 2 == 0 ? "even" : "odd", List.of(), false, null)));
        }
        return out;
    }

    @Test
    void aLinearModelLearnsWordIdentityThroughTheTable(@TempDir Path dir) throws Exception {
        // 200 words with parity labels: with frozen random 1-d vectors a linear model cannot beat ~60%
        List<AlignedClip> train = clips(400, 1);
        List<AlignedClip> test = clips(200, 2);
        List<AlignedClip> all = new ArrayList<>(train);
        all.addAll(test);
        TaskSet tasks = SyntheticTasks.of(all, train, "emotion");
        ModelSpec spec = new ModelSpec(List.of(Modality.TEXT), Map.of(Modality.TEXT, 2), tasks.heads(),
                List.of(new TokenInput(Modality.TEXT, 1, WORDS + 1, 1)));
        assertEquals(2, spec.fused().dim(Modality.TEXT), "noise column + 1 embedding column");
        try (TrainedModel model = new FusionTrainer().train(spec,
                FusionRegistry.load().build("pooled-mlp", new PooledMlpConfig(List.of(), 0), spec.fused()), tasks, train, List.of(),
                TrainConfig.adam(30, 16, 5e-2, 30), 3, dir, TrainingListener.NONE)) {
            double accuracy = model.evaluate(test).get("emotion_accuracy");
            assertTrue(accuracy > 0.95, "word parity from learned embeddings: accuracy " + accuracy);
        }
    }

    @Test
    void rowZeroIsZeroOtherColumnsPassAndIdsOutsideTheTableFail() {
        ModelSpec spec = new ModelSpec(List.of(Modality.TEXT), Map.of(Modality.TEXT, 3), SyntheticTasks.of(clips(2, 3), clips(2, 3),
                "emotion").heads(), List.of(new TokenInput(Modality.TEXT, 1, 5, 4)));
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            TokenEmbeddings block = new TokenEmbeddings(spec);
            block.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(spec, 1, 3));
            // steps: word 0 (none), word 2, word 2
            NDArray x = manager.create(new float[] {7, 0, 8, 7, 2, 8, 7, 2, 8}, new Shape(1, 3, 3));
            NDArray mask = manager.ones(new Shape(1, 3));
            NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x, mask), false).get(0);
            assertEquals(new Shape(1, 3, 6), out.getShape(), "column 1 replaced by 4 embedding columns");
            float[] v = out.toFloatArray();
            assertArrayEquals(new float[] {7, 0, 0, 0, 0, 8}, java.util.Arrays.copyOfRange(v, 0, 6), 0f, "no token: zeros, neighbours kept");
            assertArrayEquals(java.util.Arrays.copyOfRange(v, 6, 12), java.util.Arrays.copyOfRange(v, 12, 18), "same word, same row");
            assertTrue(v[7] != 0 && v[6] == 7 && v[11] == 8);
            NDArray bad = manager.create(new float[] {7, 5, 8}, new Shape(1, 1, 3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> block.forward(new ParameterStore(manager, false), new NDList(bad, manager.ones(new Shape(1, 1))), false));
            assertTrue(e.getMessage().contains("id 5, outside the vocabulary of 5 rows"), e.getMessage());
        }
    }
}
