package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.AlignedClip;
import org.mer4j.models.ModelSpec;
import org.mer4j.train.tasks.TaskSet;

class FusionTrainerTest {
    private static final SyntheticClipsConfig DATA = SyntheticClipsConfig.small();

    @Test
    void learnsSyntheticTaskCheckpointsBestEpochAndRestoresIt(@TempDir Path dir) throws Exception {
        List<AlignedClip> train = SyntheticAlignedClips.generate(DATA, 1);
        List<AlignedClip> val = SyntheticAlignedClips.generate(DATA, 2).subList(0, 8);
        List<AlignedClip> all = new ArrayList<>(train);
        all.addAll(val);
        TaskSet tasks = SyntheticTasks.of(all, train, "ah", "emotion");
        ModelSpec spec = SyntheticTasks.spec(DATA, tasks);
        List<Map<String, Double>> epochs = new ArrayList<>();
        TrainConfig cfg = TrainConfig.adam(12, 8, 3e-3, 12);
        try (TrainedModel model = new FusionTrainer().train(spec, SyntheticTasks.fusion("cross-attention", spec), tasks,
                train, val, cfg, 7, dir, (epoch, loss, metrics, seconds) -> epochs.add(metrics))) {
            assertEquals(12, epochs.size());
            assertEquals(12, model.log().size());
            assertEquals(12, model.history().size());
            for (int i = 0; i < 12; i++) {
                assertEquals(i + 1, model.history().get(i).epoch());
                assertEquals(epochs.get(i), model.history().get(i).validation(), "history holds what the listener was told");
            }
            assertTrue(Files.size(dir.resolve(FusionTrainer.BEST_PARAMS)) > 0);
            double bestF1 = epochs.stream().mapToDouble(m -> m.get("ah_frame_macro_f1")).max().orElseThrow();
            assertEquals(bestF1, model.bestValidation().get("ah_frame_macro_f1"), 1e-12, "kept the epoch with the best F1");
            assertTrue(bestF1 > 0.8, "validation A/H frame macro F1 " + bestF1);

            List<ClipPrediction> preds = model.predict(val);
            assertEquals(bestF1, tasks.evaluate(val, preds).get("ah_frame_macro_f1"), 1e-9, "the returned model is the best epoch's");
            try (TrainedModel loaded = TrainedModel.load(spec, SyntheticTasks.fusion("cross-attention", spec), tasks,
                    dir.resolve(FusionTrainer.BEST_PARAMS))) {
                List<ClipPrediction> again = loaded.predict(val);
                for (int i = 0; i < val.size(); i++) {
                    assertEquals(val.get(i).steps(), again.get(i).task("ah").step().length);
                    assertArrayEquals(preds.get(i).task("ah").step(), again.get(i).task("ah").step(), 1e-6f);
                    assertArrayEquals(preds.get(i).task("emotion").clip(), again.get(i).task("emotion").clip(), 1e-6f);
                }
            }
        }
    }

    @Test
    void sameSeedSamePredictions(@TempDir Path dir) throws Exception {
        List<AlignedClip> clips = SyntheticAlignedClips.generate(DATA, 3);
        TaskSet tasks = SyntheticTasks.ahAndEmotion(clips);
        ModelSpec spec = SyntheticTasks.spec(DATA, tasks);
        TrainConfig cfg = TrainConfig.adam(2, 4, 1e-3, 2);
        float[][] runs = new float[2][];
        for (int r = 0; r < 2; r++) {
            try (TrainedModel model = new FusionTrainer().train(spec, SyntheticTasks.fusion("early-fusion", spec), tasks,
                    clips, clips.subList(0, 4), cfg, 99, dir.resolve("run" + r), TrainingListener.NONE)) {
                runs[r] = model.predict(clips.subList(0, 2)).get(1).task("ah").step();
            }
        }
        assertArrayEquals(runs[0], runs[1]);
    }

    @Test
    void rejectsEmptyTrainingSetUnknownSelectByAndBadConfig(@TempDir Path dir) {
        List<AlignedClip> clips = SyntheticAlignedClips.generate(DATA, 3);
        TaskSet tasks = SyntheticTasks.ahAndEmotion(clips);
        ModelSpec spec = SyntheticTasks.spec(DATA, tasks);
        assertThrows(IllegalArgumentException.class, () -> new FusionTrainer().train(spec,
                SyntheticTasks.fusion("early-fusion", spec), tasks, List.of(), List.of(), TrainConfig.defaults(), 1,
                dir, TrainingListener.NONE));
        IllegalArgumentException select = assertThrows(IllegalArgumentException.class, () -> new FusionTrainer().train(spec,
                SyntheticTasks.fusion("early-fusion", spec), tasks, clips, clips, TrainConfig.defaults().withSelectBy("valence_ccc"), 1,
                dir, TrainingListener.NONE));
        assertTrue(select.getMessage().contains("train.selectBy") && select.getMessage().contains("ah_frame_macro_f1"), select.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainConfig(40, 0, 10, null, "adam", 1e-3, 0, 0.9, null, 0, 0, false));
        assertTrue(e.getMessage().startsWith("train.batchSize"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(40, 8, 10, null, "adam", 2, 0, 0.9, null, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(40, 8, 10, null, "adagrad", 1e-3, 0, 0.9, null, 0, 0, false));
    }
}
