package org.mer4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.train.Metrics;

/** Task columns are recognised by the names the built-in tasks write; metrics on subsets follow the tasks' definitions. */
class RunPredictionsTest {

    @Test
    void recognisesLevelsAndRecomputesMetricsOnSubsets(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("predictions.csv"), """
                clip_id,subject,step,time_s,ah_true,ah_prob,inconsistency_true,inconsistency_prob
                a1,s1,0,0.000,1,0.80000,0,0.10000
                a1,s1,1,0.400,0,0.60000,,0.20000
                b1,s2,0,0.000,0,0.30000,1,0.70000
                b1,s2,1,0.400,1,0.40000,1,0.90000
                """);
        Files.writeString(run.resolve("clip_predictions.csv"), """
                clip_id,subject,ah_video_true,ah_video_prob,inconsistency_clip_true,inconsistency_clip_prob,emotion_true,emotion_pred,emotion_p_neutral,emotion_p_happy,emotion_p_sad
                a1,s1,1,0.70000,0,0.15000,happy,happy,0.1,0.8,0.1
                b1,s2,0,0.35000,1,0.80000,sad,neutral,0.5,0.1,0.4
                """);
        RunPredictions p = RunPredictions.read(run);
        assertEquals(List.of("ah_frame", "ah_video", "inconsistency_frame", "inconsistency_clip"), p.binaryLevels());
        assertEquals(List.of("emotion"), p.categoricalTasks());
        assertEquals(Map.of("a1", "s1", "b1", "s2"), p.subjectOfClip());

        RunPredictions.Binary frames = p.binary("inconsistency_frame", c -> true);
        assertArrayEquals(new int[] {0, 1, 1}, frames.truth(), "the unlabelled step is left out");
        assertArrayEquals(new float[] {0.1f, 0.7f, 0.9f}, frames.prob());

        Map<String, Double> all = p.metrics(c -> true);
        int[] truth = {1, 0, 0, 1};
        int[] pred = {1, 1, 0, 0};
        assertEquals(Metrics.macroF1(truth, pred, 2), all.get("ah_frame_macro_f1"), 1e-12);
        assertEquals(Metrics.averagePrecision(truth, new float[] {0.8f, 0.6f, 0.3f, 0.4f}), all.get("ah_frame_ap"), 1e-12);
        assertEquals(1.0, all.get("ah_video_accuracy"));
        assertEquals(0.5, all.get("emotion_accuracy"));
        assertEquals(Metrics.macroF1(new int[] {1, 2}, new int[] {1, 0}, 3), all.get("emotion_macro_f1"), 1e-12);

        Map<String, Double> s1 = p.metrics(c -> c.equals("a1"));
        assertEquals(0.5, s1.get("ah_frame_accuracy"));
        assertEquals(1.0, s1.get("emotion_accuracy"));
        assertFalse(s1.containsKey("inconsistency_clip_ap"), "no positive clip of s1: no AP");
    }

    @Test
    void emotionOnlyRunHasNoBinaryLevel(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("clip_predictions.csv"), """
                clip_id,subject,emotion_true,emotion_pred,emotion_p_anger,emotion_p_fear
                "x,1",03,fear,fear,0.1,0.9
                """);
        RunPredictions p = RunPredictions.read(run);
        assertEquals(List.of(), p.binaryLevels());
        assertEquals(Map.of("x,1", "03"), p.subjectOfClip(), "quoted fields");
        assertEquals(List.of("anger", "fear"), p.categorical("emotion", c -> true).classes());
    }
}
