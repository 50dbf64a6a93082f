package org.mer4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.models.ModelSpec;
import org.mer4j.train.tasks.TaskSet;

/**
 * A small training run in its own JVM, for {@link ResumeAfterKillTest}: trains cross-attention on
 * synthetic clips with every task kind into {@code <dir>/checkpoint} and writes the test metrics
 * and the resume point to {@code <dir>/result.json}. With a second argument {@code slow} it sleeps
 * after every epoch so the test can kill it mid-training.
 */
public final class ResumableRunMain {
    private ResumableRunMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        boolean slow = args.length > 1 && args[1].equals("slow");
        SyntheticClipsConfig data = SyntheticClipsConfig.small();
        List<AlignedClip> train = SyntheticAlignedClips.generate(data, 21);
        List<AlignedClip> val = SyntheticAlignedClips.generate(data, 22).subList(0, 8);
        List<AlignedClip> test = SyntheticAlignedClips.generate(data, 23);
        List<AlignedClip> all = new ArrayList<>(train);
        all.addAll(val);
        all.addAll(test);
        TaskSet tasks = SyntheticTasks.of(all, train, "ah", "inconsistency", "emotion", "valence");
        ModelSpec spec = SyntheticTasks.spec(data, tasks);
        // dropout on, weight decay, a warm-up + cosine schedule, clipping and length buckets: every piece of state that must survive a kill
        TrainConfig cfg = new TrainConfig(14, 4, 14, "ah_frame_macro_f1", "adamw", 3e-3, 1e-2, 0.9,
                new org.mer4j.train.optim.ScheduleConfig("cosine", 2, 0, 0, 1e-4), 1.0, 0, true);
        try (TrainedModel model = new FusionTrainer().train(spec, SyntheticTasks.fusion("cross-attention", spec), tasks, train, val, cfg,
                5, dir.resolve("checkpoint"), (epoch, loss, metrics, seconds) -> {
                    if (slow) {
                        try {
                            Thread.sleep(700);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                })) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("bestEpoch", model.bestEpoch());
            result.put("resumedAfterEpoch", model.resumedAfterEpoch());
            result.put("metrics", model.evaluate(test));
            float[] first = model.predict(test.subList(0, 1)).get(0).task("valence").step();
            List<Float> values = new ArrayList<>();
            for (float v : first) {
                values.add(v);
            }
            result.put("valenceTrace0", values);
            // every epoch's numbers, those before the kill included (seconds left out: wall time differs)
            result.put("history", model.history().stream().map(e -> List.of(e.epoch(), e.trainLoss(), e.validation())).toList());
            Files.write(dir.resolve("result.json"), new ObjectMapper().writeValueAsBytes(result));
        }
    }
}
