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
import org.mer4j.models.FusionRegistry;
import org.mer4j.models.ModelSpec;

class FusionTrainerTest {
    private static final SyntheticClipsConfig DATA = SyntheticClipsConfig.small();
    private static final ModelSpec SPEC = new ModelSpec(List.copyOf(DATA.dims().keySet()), DATA.dims(), DATA.emotions());

    @Test
    void learnsSyntheticTaskCheckpointsBestEpochAndRestoresIt(@TempDir Path dir) throws Exception {
        List<AlignedClip> train = SyntheticAlignedClips.generate(DATA, 1);
        List<AlignedClip> val = SyntheticAlignedClips.generate(DATA, 2).subList(0, 8);
        List<Map<String, Double>> epochs = new ArrayList<>();
        TrainConfig cfg = new TrainConfig(12, 8, 3e-3, 0, 12, 1.0, 0.5);
        try (TrainedModel model = new FusionTrainer().train(SPEC, FusionRegistry.load().buildDefault("cross-attention", SPEC),
                train, val, cfg, 7, dir, (epoch, loss, metrics, seconds) -> epochs.add(metrics))) {
            assertEquals(12, epochs.size());
            assertTrue(Files.size(dir.resolve(FusionTrainer.BEST_PARAMS)) > 0);
            double bestF1 = epochs.stream().mapToDouble(m -> m.get(Metrics.AH_FRAME_MACRO_F1)).max().orElseThrow();
            assertEquals(bestF1, model.bestValidation().get(Metrics.AH_FRAME_MACRO_F1), 1e-12, "kept the epoch with the best F1");
            assertTrue(bestF1 > 0.8, "validation A/H frame macro F1 " + bestF1);

            List<ClipPrediction> preds = model.predict(val);
            Map<String, Double> metrics = Metrics.evaluate(val, preds, SPEC.emotions());
            assertEquals(bestF1, metrics.get(Metrics.AH_FRAME_MACRO_F1), 1e-9, "the returned model is the best epoch's");
            try (TrainedModel loaded = TrainedModel.load(SPEC, FusionRegistry.load().buildDefault("cross-attention", SPEC),
                    dir.resolve(FusionTrainer.BEST_PARAMS))) {
                List<ClipPrediction> again = loaded.predict(val);
                for (int i = 0; i < val.size(); i++) {
                    assertEquals(val.get(i).steps(), again.get(i).ahProb().length);
                    assertArrayEquals(preds.get(i).ahProb(), again.get(i).ahProb(), 1e-6f);
                    assertArrayEquals(preds.get(i).emotionProb(), again.get(i).emotionProb(), 1e-6f);
                }
            }
        }
    }

    @Test
    void sameSeedSamePredictions(@TempDir Path dir) throws Exception {
        List<AlignedClip> clips = SyntheticAlignedClips.generate(DATA, 3);
        TrainConfig cfg = new TrainConfig(2, 4, 1e-3, 0, 2, 1.0, 0.5);
        float[][] runs = new float[2][];
        for (int r = 0; r < 2; r++) {
            try (TrainedModel model = new FusionTrainer().train(SPEC, FusionRegistry.load().buildDefault("early-fusion", SPEC),
                    clips, clips.subList(0, 4), cfg, 99, dir.resolve("run" + r), TrainingListener.NONE)) {
                runs[r] = model.predict(clips.subList(0, 2)).get(1).ahProb();
            }
        }
        assertArrayEquals(runs[0], runs[1]);
    }

    @Test
    void rejectsEmptyTrainingSetAndBadConfig() {
        assertThrows(IllegalArgumentException.class, () -> new FusionTrainer().train(SPEC,
                FusionRegistry.load().buildDefault("early-fusion", SPEC), List.of(), List.of(), TrainConfig.defaults(), 1,
                Path.of("unused"), TrainingListener.NONE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainConfig(40, 0, 1e-3, 0, 10, 1.0, 0.5));
        assertTrue(e.getMessage().startsWith("train.batchSize"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(40, 8, 0, 0, 10, 1.0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(40, 8, 1e-3, 0, 10, 0, 0));
    }

    @Test
    void positiveWeightIsNegativesOverPositives() {
        List<AlignedClip> clips = SyntheticAlignedClips.generate(DATA, 4);
        long pos = clips.stream().flatMapToInt(c -> java.util.Arrays.stream(c.ahFrames())).filter(v -> v == 1).count();
        long all = clips.stream().mapToInt(AlignedClip::steps).sum();
        assertEquals((all - pos) / (double) pos, FusionTrainer.positiveWeight(clips), 1e-12);
        assertEquals(1.0, FusionLoss.positiveWeight(0, 10));
    }
}
