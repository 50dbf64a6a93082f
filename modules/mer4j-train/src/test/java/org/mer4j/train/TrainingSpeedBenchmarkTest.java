package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.models.FusionRegistry;
import org.mer4j.models.ModelSpec;

/**
 * Opt-in timing of one quickstart-sized training run ({@code -Dmer4j.benchmark=true}): 32 training
 * and 8 validation clips of 40-80 steps, video 300-d, audio 17-d, text 37-d, default configs.
 */
class TrainingSpeedBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"early-fusion", "cross-attention"})
    void quickstartSizedRun(String fusion, @TempDir Path dir) throws Exception {
        assumeTrue(Boolean.getBoolean("mer4j.benchmark"), "timing benchmark: run with -Dmer4j.benchmark=true");
        Map<Modality, Integer> dims = new LinkedHashMap<>();
        dims.put(Modality.VIDEO, 300);
        dims.put(Modality.AUDIO, 17);
        dims.put(Modality.TEXT, 37);
        List<String> emotions = List.of("neutral", "happy", "sad", "angry");
        List<AlignedClip> clips = SyntheticAlignedClips.generate(new SyntheticClipsConfig(40, 40, 80, dims, emotions, 0.5, 0.1, 10), 1);
        org.mer4j.train.tasks.TaskSet tasks = SyntheticTasks.ahAndEmotion(clips);
        ModelSpec spec = new ModelSpec(List.copyOf(dims.keySet()), dims, tasks.heads());
        TrainConfig d = TrainConfig.defaults();
        // all 40 epochs (no early stop): the worst case of a default run
        TrainConfig cfg = TrainConfig.adam(d.epochs(), d.batchSize(), d.learningRate(), d.epochs());
        long start = System.nanoTime();
        int[] epochs = new int[1];
        try (TrainedModel model = new FusionTrainer().train(spec, FusionRegistry.load().buildDefault(fusion, spec), tasks,
                clips.subList(0, 32), clips.subList(32, 40), cfg, 1, dir, (e, loss, m, s) -> epochs[0] = e)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCHMARK %s: %d epochs in %.2f s (%.3f s/epoch), best epoch %d, val %s%n", fusion, epochs[0],
                    seconds, seconds / epochs[0], model.bestEpoch(), model.bestValidation());
            assertTrue(seconds > 0);
        }
    }
}
