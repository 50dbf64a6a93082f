package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;

class MetricsTest {
    private static final double EPS = 1e-9;

    @Test
    void averagePrecisionOfTinyExampleByHand() {
        // curve from high to low threshold: (0,1) -> (0.5,1) -> (0.5,0.5) -> (1,2/3) -> (1,0.5)
        // area = 0.5*(1+1)/2 + 0 + 0.5*(0.5+2/3)/2 + 0 = 0.5 + 0.2916666...
        double ap = Metrics.averagePrecision(new int[] {1, 0, 1, 0}, new float[] {0.9f, 0.6f, 0.4f, 0.2f});
        assertEquals(0.5 + 0.5 * (0.5 + 2.0 / 3.0) / 2, ap, 1e-6);
    }

    @Test
    void averagePrecisionPerfectInvertedAndUndefined() {
        assertEquals(1.0, Metrics.averagePrecision(new int[] {1, 0, 1, 0}, new float[] {0.9f, 0.1f, 0.8f, 0.3f}), EPS);
        // inverted: precision 0 at every threshold above 0.1 then (recall 1, precision 0.5) at the lowest ones
        assertEquals(0.25, Metrics.averagePrecision(new int[] {1, 0}, new float[] {0.1f, 0.9f}), EPS);
        assertTrue(Double.isNaN(Metrics.averagePrecision(new int[] {0, 0}, new float[] {0.1f, 0.9f})));
    }

    @Test
    void macroF1ByHandAndWithAnAbsentClass() {
        // class 1: tp 1, fp 0, fn 1 -> 2/3 ; class 0: tp 2, fp 1, fn 0 -> 4/5
        assertEquals((2.0 / 3 + 0.8) / 2, Metrics.macroF1(new int[] {1, 1, 0, 0}, new int[] {1, 0, 0, 0}, 2), EPS);
        // class 2 absent in truth and predictions: averaged over classes 0 and 1 only
        assertEquals(1.0, Metrics.macroF1(new int[] {0, 1}, new int[] {0, 1}, 3), EPS);
        // class 1 absent in truth but predicted: its F1 is 0 and counts
        assertEquals((2.0 / 3 + 0) / 2, Metrics.macroF1(new int[] {0, 0}, new int[] {0, 1}, 2), EPS);
        // inverted binary predictions
        assertEquals(0.0, Metrics.macroF1(new int[] {0, 1, 1}, new int[] {1, 0, 0}, 2), EPS);
    }

    @Test
    void weightedF1WeighsClassF1BySupport() {
        // class 0: tp 2, fn 1, fp 0 -> F1 0.8, support 3; class 1: tp 1, fn 0, fp 1 -> F1 2/3, support 1
        double expected = (3 * 0.8 + 1 * (2.0 / 3)) / 4;
        assertEquals(expected, Metrics.weightedF1(new int[] {0, 0, 0, 1}, new int[] {0, 0, 1, 1}, 2), EPS);
        // a class only predicted (never true) adds nothing but lowers the others' precision
        assertEquals(2.0 / 3, Metrics.weightedF1(new int[] {0, 0}, new int[] {0, 2}, 3), EPS);
        assertTrue(Double.isNaN(Metrics.weightedF1(new int[0], new int[0], 2)));
    }

    @Test
    void uarAveragesRecallOverClassesPresentInTruth() {
        // class 0: 2/2, class 1: 0/1, class 2 absent
        assertEquals(0.5, Metrics.unweightedAverageRecall(new int[] {0, 0, 1}, new int[] {0, 0, 2}, 3), EPS);
    }

    @Test
    void evaluateCombinesFramesVideosAndEmotions() {
        List<String> emotions = List.of("neutral", "happy", "sad");
        AlignedClip a = clip("a", new int[] {1, 1, 0}, true, "happy");
        AlignedClip b = clip("b", new int[] {0, 0}, false, "sad");
        AlignedClip c = clip("c", new int[] {0}, false, null);
        List<ClipPrediction> preds = List.of(
                new ClipPrediction("b", new float[] {0.2f, 0.9f}, new float[] {0.1f, 0.1f, 0.8f}),
                new ClipPrediction("a", new float[] {0.9f, 0.4f, 0.1f}, new float[] {0.6f, 0.3f, 0.1f}),
                new ClipPrediction("c", new float[] {0.1f}, new float[] {1, 0, 0}));
        Map<String, Double> m = Metrics.evaluate(List.of(a, b, c), preds, emotions);
        assertEquals(Metrics.ALL_KEYS, List.copyOf(m.keySet()));
        // frames truth 1 1 0 0 0 0, pred 1 0 0 0 1 0: class1 tp1 fp1 fn1 -> 0.5; class0 tp3 fp1 fn1 -> 0.75
        assertEquals((0.5 + 0.75) / 2, m.get(Metrics.AH_FRAME_MACRO_F1), EPS);
        // videos: a mean 0.4667 -> 0 (truth 1), b mean 0.55 -> 1 (truth 0), c 0.1 -> 0 (truth 0)
        // class 1: tp0 fp1 fn1 -> 0 ; class 0: tp1 fp1 fn1 -> 0.5
        assertEquals(0.25, m.get(Metrics.AH_VIDEO_MACRO_F1), EPS);
        // emotions (c unlabelled): a happy->neutral wrong, b sad->sad right
        assertEquals(0.5, m.get(Metrics.EMOTION_ACCURACY), EPS);
        // classes seen: neutral (tp0 fp1) 0, happy (fn1) 0, sad 1 -> 1/3
        assertEquals(1.0 / 3, m.get(Metrics.EMOTION_MACRO_F1), EPS);
        // recall over present classes happy (0) and sad (1)
        assertEquals(0.5, m.get(Metrics.EMOTION_UAR), EPS);
        assertTrue(m.get(Metrics.AH_FRAME_AP) > 0 && m.get(Metrics.AH_FRAME_AP) <= 1);
    }

    @Test
    void missingOrMisshapedPredictionIsExplained() {
        AlignedClip a = clip("a", new int[] {1, 0}, true, "happy");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Metrics.evaluate(List.of(a), List.of(), List.of("happy")));
        assertTrue(missing.getMessage().contains("clip a"), missing.getMessage());
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                () -> Metrics.evaluate(List.of(a), List.of(new ClipPrediction("a", new float[3], new float[1])), List.of("happy")));
        assertTrue(steps.getMessage().contains("expected one per step (2)"), steps.getMessage());
    }

    private static AlignedClip clip(String id, int[] frames, boolean ahVideo, String emotion) {
        int t = frames.length;
        return new AlignedClip(id, "s", 10, t, Map.of(Modality.AUDIO, new float[t]), Map.of(Modality.AUDIO, 1),
                Map.of(Modality.AUDIO, new boolean[t]), frames, emotion, ahVideo, null);
    }
}
