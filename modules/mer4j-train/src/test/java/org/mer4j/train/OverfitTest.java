package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionRegistry;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.fusion.CrossAttentionConfig;
import org.mer4j.models.fusion.EarlyFusionConfig;
import org.mer4j.train.tasks.TaskSet;

/** A fusion model must be able to memorise a tiny batch: if it cannot, the model or the loop is broken. */
class OverfitTest {

    @ParameterizedTest
    @ValueSource(strings = {"early-fusion", "cross-attention"})
    void overfitsFourClips(String fusion, @TempDir Path dir) throws Exception {
        Map<Modality, Integer> dims = new LinkedHashMap<>();
        dims.put(Modality.VIDEO, 8);
        dims.put(Modality.AUDIO, 4);
        // weak signal (0.3 sd): the model has to memorise, not just read feature 0
        List<AlignedClip> clips = SyntheticAlignedClips.generate(
                new SyntheticClipsConfig(4, 20, 20, dims, List.of("neutral", "happy"), 0.3, 0.0, 10.0), 5);
        TaskSet tasks = SyntheticTasks.ahAndEmotion(clips);
        ModelSpec spec = SyntheticTasks.spec(List.of(Modality.VIDEO, Modality.AUDIO), dims, tasks);
        Record config = fusion.equals("early-fusion")
                ? new EarlyFusionConfig(32, 4, 1, 0f, 4, "gelu")
                : new CrossAttentionConfig(32, 4, 1, 1, 0f, 4, "gelu");
        FusionBlock block = FusionRegistry.load().build(fusion, config, spec);
        TrainConfig train = TrainConfig.adam(300, 4, 3e-3, 300);
        List<Double> losses = new ArrayList<>();
        try (TrainedModel model = new FusionTrainer().train(spec, block, tasks, clips, clips, train, 1, dir,
                (epoch, loss, metrics, seconds) -> losses.add(loss))) {
            double accuracy = model.evaluate(clips).get("ah_frame_accuracy");
            double finalLoss = losses.get(losses.size() - 1);
            assertTrue(accuracy >= 0.99, fusion + " frame accuracy after overfitting: " + accuracy);
            assertTrue(finalLoss < 0.05, fusion + " final training loss " + finalLoss + " (first " + losses.get(0) + ")");
        }
    }
}
