package org.mer4j.train.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.LabelTraces;
import org.mer4j.api.Modality;
import org.mer4j.api.TimeSegment;
import org.mer4j.train.ClipPrediction;

class TasksTest {
    private static final double EPS = 1e-9;
    private static final TaskRegistry REGISTRY = TaskRegistry.load();

    /** A clip of {@code steps} steps at 10 Hz (step centres 0.05, 0.15, ...) with no features. */
    private static AlignedClip clip(String id, int steps, ClipLabels labels) {
        return new AlignedClip(id, "s", 10, steps, Map.of(Modality.AUDIO, new float[steps]), Map.of(Modality.AUDIO, 1),
                Map.of(Modality.AUDIO, new boolean[steps]), labels);
    }

    private static TaskSet set(List<AlignedClip> clips, Map<String, List<String>> classes, Object... typeAndConfig) {
        List<TaskSet.Choice> choices = new java.util.ArrayList<>();
        for (int i = 0; i < typeAndConfig.length; i += 2) {
            TaskProvider<?> p = REGISTRY.get((String) typeAndConfig[i]);
            Record cfg = typeAndConfig[i + 1] == null ? p.defaultConfig() : (Record) typeAndConfig[i + 1];
            choices.add(new TaskSet.Choice(p, cfg));
        }
        return TaskSet.create(choices, new TaskContext(classes, clips, clips));
    }

    @Test
    void registryListsTheBuiltInTasksAndNamesUnknownOnes() {
        assertEquals(List.of("ah", "arousal", "dimensional", "emotion", "inconsistency", "valence"), REGISTRY.types());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> REGISTRY.get("sentiment"));
        assertTrue(e.getMessage().contains("'sentiment'") && e.getMessage().contains("inconsistency"), e.getMessage());
    }

    @Test
    void evaluateCombinesFramesVideosAndEmotionsAsBahAndSklearnDo() {
        AlignedClip a = clip("a", 3, new ClipLabels("happy", List.of(new TimeSegment(0, 0.2)), null, null));
        AlignedClip b = clip("b", 2, new ClipLabels("sad", List.of(), null, null));
        AlignedClip c = clip("c", 1, new ClipLabels(null, List.of(), null, null));
        List<AlignedClip> clips = List.of(a, b, c);
        TaskSet tasks = set(clips, Map.of("emotion", List.of("neutral", "happy", "sad")), "ah", null, "emotion", null);
        List<ClipPrediction> preds = List.of(
                prediction("a", new float[] {0.9f, 0.4f, 0.1f}, new float[] {0.6f, 0.3f, 0.1f}),
                prediction("b", new float[] {0.2f, 0.9f}, new float[] {0.1f, 0.1f, 0.8f}),
                prediction("c", new float[] {0.1f}, new float[] {1, 0, 0}));
        Map<String, Double> m = tasks.evaluate(clips, preds);
        // frames truth 1 1 0 0 0 0, pred 1 0 0 0 1 0: class1 tp1 fp1 fn1 -> 0.5; class0 tp3 fp1 fn1 -> 0.75
        assertEquals((0.5 + 0.75) / 2, m.get("ah_frame_macro_f1"), EPS);
        assertEquals(4 / 6.0, m.get("ah_frame_accuracy"), EPS);
        // videos (mean probability): a 0.4667 -> 0 (truth 1), b 0.55 -> 1 (truth 0), c 0.1 -> 0 (truth 0)
        assertEquals(0.25, m.get("ah_video_macro_f1"), EPS);
        assertTrue(m.get("ah_frame_ap") > 0 && m.get("ah_frame_ap") <= 1);
        // emotions (c unlabelled): a happy->neutral wrong, b sad->sad right
        assertEquals(0.5, m.get("emotion_accuracy"), EPS);
        assertEquals(1.0 / 3, m.get("emotion_macro_f1"), EPS);
        assertEquals(0.5, m.get("emotion_uar"), EPS);
        assertFalse(m.keySet().stream().anyMatch(k -> k.startsWith("inconsistency")), "no inconsistency task, no such metric");
    }

    private static ClipPrediction prediction(String id, float[] ah, float[] emotion) {
        float mean = 0;
        for (float p : ah) {
            mean += p / ah.length;
        }
        return new ClipPrediction(id, Map.of("ah", new TaskPrediction(ah, new float[] {mean}), "emotion", new TaskPrediction(null, emotion)));
    }

    @Test
    void undeclaredEmotionIsAnErrorNamingClipAndValue() {
        AlignedClip odd = clip("c7", 1, new ClipLabels("angry", List.of(), null, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> set(List.of(odd), Map.of("emotion", List.of("neutral", "happy")), "emotion", null));
        assertTrue(e.getMessage().contains("clip c7") && e.getMessage().contains("'angry'") && e.getMessage().contains("[neutral, happy]"),
                e.getMessage());
        EmotionConfig declared = new EmotionConfig(null, 1, List.of("neutral", "angry"), null, null);
        assertEquals(List.of("neutral", "angry"), ((EmotionTask) set(List.of(odd), Map.of(), "emotion", declared).tasks().get(0)).classes());
    }

    @Test
    void softLabelsComeFromAnnotatorDistributionsAndClassWeightsBalance() {
        AlignedClip voted = clip("v", 1, new ClipLabels("happy", Map.of("happy", 3.0, "sad", 1.0), List.of(), null, null, null, null, null));
        AlignedClip plain = clip("p", 1, new ClipLabels("sad", List.of(), null, null));
        AlignedClip plain2 = clip("q", 1, new ClipLabels("sad", List.of(), null, null));
        List<AlignedClip> clips = List.of(voted, plain, plain2);
        TaskSet soft = set(clips, Map.of("emotion", List.of("happy", "sad")), "emotion", null);
        assertArrayEquals(new float[] {0.75f, 0.25f}, soft.labels(voted)[0].clip(), 1e-6f);
        assertArrayEquals(new float[] {0f, 1f}, soft.labels(plain)[0].clip(), 1e-6f);
        TaskSet hard = set(clips, Map.of(), "emotion", new EmotionConfig(null, 1, null, null, "hard"));
        assertArrayEquals(new float[] {1f, 0f}, hard.labels(voted)[0].clip(), 1e-6f);
        // balanced: happy has 0.75 of a clip, sad 2.25 -> inverse frequencies normalised to mean 1
        TaskSet balanced = set(clips, Map.of(), "emotion", new EmotionConfig(null, 1, null, "balanced", null));
        try (NDManager m = NDManager.newBaseManager()) {
            // a confident wrong prediction on the rare class costs more with balanced weights
            var logits = m.create(new float[] {-4, 4, -4, 4, -4, 4}, new Shape(3, 2));
            var targets = soft.targets(m, clips, 1);
            double plainLoss = soft.loss(new ai.djl.ndarray.NDList(logits), targets).getFloat();
            double weighted = balanced.loss(new ai.djl.ndarray.NDList(logits), balanced.targets(m, clips, 1)).getFloat();
            assertTrue(weighted > plainLoss, weighted + " vs " + plainLoss);
        }
    }

    @Test
    void dimensionalStepTargetsFollowTheTraceAndCccLossIsZeroForAPerfectFit() {
        LabelTraces trace = new LabelTraces(null, List.of(0.0, 0.2), Map.of("valence", List.of(0.0, 1.0)));
        AlignedClip c = clip("t", 3, new ClipLabels(null, null, List.of(), null, null, null, Map.of("valence", 0.5), trace));
        DimensionalConfig stepLevel = new DimensionalConfig("valence", 1, List.of("valence"), "step");
        TaskSet tasks = set(List.of(c), Map.of(), "valence", stepLevel);
        EncodedLabels l = tasks.labels(c)[0];
        // centres 0.05, 0.15 inside the trace, 0.25 after its end -> unlabelled
        assertArrayEquals(new float[] {0.25f, 0.75f, 0f}, l.step(), 1e-6f);
        assertArrayEquals(new float[] {1, 1, 0}, l.stepMask());
        assertArrayEquals(new float[] {0.5f}, l.clip());
        try (NDManager m = NDManager.newBaseManager()) {
            var targets = tasks.targets(m, List.of(c), 3);
            var perfect = m.create(new float[] {0.25f, 0.75f, 42f}, new Shape(1, 3, 1));
            assertEquals(0.0, tasks.loss(new ai.djl.ndarray.NDList(perfect), targets).getFloat(), 1e-5);
            var off = m.create(new float[] {0.75f, 0.25f, 0f}, new Shape(1, 3, 1));
            assertEquals(2.0, tasks.loss(new ai.djl.ndarray.NDList(off), targets).getFloat(), 1e-4, "anti-correlated: CCC -1");
        }
        assertTrue(REGISTRY.get("dimensional").metricKeysUnchecked(REGISTRY.get("dimensional").defaultConfig()).contains("arousal_rmse"));
        assertFalse(tasks.higherIsBetter("valence_rmse"));
    }

    @Test
    void clipOnlyInconsistencyHasNoFrameTargetsAndNoFrameMetrics() {
        AlignedClip yes = clip("y", 2, new ClipLabels(null, null, List.of(), null, true, null, null, null));
        AlignedClip no = clip("n", 2, new ClipLabels(null, null, List.of(), null, false, null, null, null));
        AlignedClip segments = clip("s", 2, new ClipLabels(null, null, List.of(), null, null, List.of(new TimeSegment(0.1, 0.2)), null, null));
        List<AlignedClip> clips = List.of(yes, no, segments);
        TaskSet tasks = set(clips, Map.of(), "inconsistency", new BinaryEventConfig("inconsistency", 1, null, 1, 0));
        assertArrayEquals(new float[] {0, 0}, tasks.labels(yes)[0].stepMask(), "clip-only label: frames unlabelled");
        assertArrayEquals(new float[] {1}, tasks.labels(yes)[0].clip());
        assertArrayEquals(new float[] {0, 1}, tasks.labels(segments)[0].step(), "centre 0.15 s is inside [0.1, 0.2)");
        assertArrayEquals(new float[] {1}, tasks.labels(segments)[0].clip(), "derived from the segments");
        List<ClipPrediction> preds = List.of(
                new ClipPrediction("y", Map.of("inconsistency", new TaskPrediction(new float[] {0.9f, 0.9f}, new float[] {0.9f}))),
                new ClipPrediction("n", Map.of("inconsistency", new TaskPrediction(new float[] {0.1f, 0.1f}, new float[] {0.1f}))));
        Map<String, Double> m = tasks.evaluate(List.of(yes, no), preds);
        assertEquals(1.0, m.get("inconsistency_clip_macro_f1"), EPS);
        assertEquals(1.0, m.get("inconsistency_clip_ap"), 1e-3);
        assertFalse(m.containsKey("inconsistency_frame_macro_f1"), "no frame labels on these clips: " + m);
    }

    @Test
    void twoTasksReportingTheSameMetricAreRejected() {
        AlignedClip c = clip("c", 1, new ClipLabels("a", List.of(), null, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> set(List.of(c), Map.of(), "valence", null, "dimensional", new DimensionalConfig("va", 1, List.of("valence"), null)));
        assertTrue(e.getMessage().contains("valence_ccc"), e.getMessage());
    }

    @Test
    void pseudoLabelsComeFromConfidentPredictionsOnly() {
        AlignedClip c = clip("u", 5, ClipLabels.none());
        TaskSet tasks = set(List.of(c), Map.of("emotion", List.of("neutral", "happy", "sad")), "ah", null, "emotion", null);
        Task ah = tasks.tasks().get(0);
        Task emotion = tasks.tasks().get(1);
        assertTrue(ah.supportsPseudoLabels() && emotion.supportsPseudoLabels());
        // steps 1-2 and 4 positive at 10 Hz -> segments [0.1, 0.3) and [0.4, 0.5); mean confidence 0.9
        TaskPrediction steps = new TaskPrediction(new float[] {0.1f, 0.9f, 0.8f, 0.1f, 0.9f}, new float[] {0.56f});
        ClipLabels labelled = ah.pseudoLabel(ClipLabels.none(), c, steps, 0.85).orElseThrow();
        assertEquals(2, labelled.ahSegments().size());
        assertEquals(0.1, labelled.ahSegments().get(0).start(), EPS);
        assertEquals(0.3, labelled.ahSegments().get(0).end(), EPS);
        assertEquals(0.4, labelled.ahSegments().get(1).start(), EPS);
        assertEquals(0.5, labelled.ahSegments().get(1).end(), EPS);
        assertTrue(labelled.ahVideoLabel());
        assertTrue(ah.pseudoLabel(ClipLabels.none(), c, steps, 0.95).isEmpty(), "mean confidence 0.9 < 0.95");
        ClipLabels both = emotion.pseudoLabel(labelled, c, new TaskPrediction(null, new float[] {0.1f, 0.7f, 0.2f}), 0.6).orElseThrow();
        assertEquals("happy", both.emotion());
        assertEquals(labelled.ahSegments(), both.ahSegments(), "each task sets only its own fields");
        assertTrue(emotion.pseudoLabel(labelled, c, new TaskPrediction(null, new float[] {0.3f, 0.4f, 0.3f}), 0.6).isEmpty());
    }
}
