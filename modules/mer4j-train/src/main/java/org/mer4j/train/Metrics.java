package org.mer4j.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;

/**
 * Evaluation measures of the BAH benchmark (Belharbi et al. 2025, "BAH Dataset for
 * Ambivalence/Hesitancy Recognition in Videos for Behavioural Change"), class 1 = A/H, plus the
 * clip emotion measures. Pure Java.
 *
 * <ul>
 *   <li>{@value #AH_FRAME_MACRO_F1}: F1 averaged over the classes 0/1 of all frames of all clips,
 *       a frame being predicted A/H when its probability is at least 0.5.</li>
 *   <li>{@value #AH_FRAME_AP}: average precision of the A/H class: precision and recall at the
 *       1,000 thresholds {@code linspace(0, 1, 1000)} (a frame is positive when its probability is at
 *       least the threshold), traced from the highest threshold to the lowest after the start point
 *       (recall 0, precision 1); the area under that curve by the trapezoid rule over recall.
 *       Precision with no predicted positive is 1. NaN when no frame is A/H.</li>
 *   <li>{@value #AH_VIDEO_MACRO_F1}: the clip's A/H probability is the mean of its frame
 *       probabilities, thresholded at 0.5; macro F1 against {@link AlignedClip#ahVideo()}.</li>
 *   <li>{@value #EMOTION_ACCURACY}, {@value #EMOTION_MACRO_F1}, {@value #EMOTION_UAR},
 *       {@value #EMOTION_WEIGHTED_F1}: on the clips
 *       with an emotion label, the prediction being the most probable class; UAR is the mean recall
 *       over the classes present in the truth. NaN without labelled clips.</li>
 * </ul>
 * As in scikit-learn's {@code f1_score(average="macro")}, macro F1 averages over the classes that
 * occur in the truth or in the predictions; a class with no true and no predicted positive has F1 0.
 */
public final class Metrics {
    public static final String AH_FRAME_MACRO_F1 = "ah_frame_macro_f1";
    public static final String AH_FRAME_AP = "ah_frame_ap";
    public static final String AH_VIDEO_MACRO_F1 = "ah_video_macro_f1";
    public static final String EMOTION_ACCURACY = "emotion_accuracy";
    public static final String EMOTION_MACRO_F1 = "emotion_macro_f1";
    public static final String EMOTION_UAR = "emotion_uar";
    public static final String EMOTION_WEIGHTED_F1 = "emotion_weighted_f1";
    /** The six keys in report order. */
    public static final List<String> KEYS = List.of(AH_FRAME_MACRO_F1, AH_FRAME_AP, AH_VIDEO_MACRO_F1,
            EMOTION_ACCURACY, EMOTION_MACRO_F1, EMOTION_UAR);
    /** Every key {@link #evaluate} returns: {@link #KEYS} plus {@value #EMOTION_WEIGHTED_F1}. */
    public static final List<String> ALL_KEYS = List.of(AH_FRAME_MACRO_F1, AH_FRAME_AP, AH_VIDEO_MACRO_F1,
            EMOTION_ACCURACY, EMOTION_MACRO_F1, EMOTION_UAR, EMOTION_WEIGHTED_F1);

    private static final int AP_THRESHOLDS = 1000;
    private static final double DECISION_THRESHOLD = 0.5;

    private Metrics() {
    }

    /**
     * All six measures.
     *
     * @param truth the clips with their labels
     * @param preds a prediction for every clip of {@code truth} (matched by clip id)
     * @param emotions emotion class names, index = the index of {@link ClipPrediction#emotionProb()}
     * @throws IllegalArgumentException when a clip has no prediction, a prediction has the wrong
     *     number of steps or classes, or a clip's emotion is not in {@code emotions}
     */
    public static Map<String, Double> evaluate(List<AlignedClip> truth, List<ClipPrediction> preds, List<String> emotions) {
        Map<String, ClipPrediction> byId = new HashMap<>();
        for (ClipPrediction p : preds) {
            byId.put(p.clipId(), p);
        }
        int frames = 0;
        for (AlignedClip clip : truth) {
            ClipPrediction p = byId.get(clip.clipId());
            if (p == null) {
                throw new IllegalArgumentException("no prediction for clip " + clip.clipId() + "; predict every evaluated clip");
            }
            if (p.ahProb().length != clip.steps()) {
                throw new IllegalArgumentException("prediction for clip " + clip.clipId() + " has " + p.ahProb().length
                        + " A/H probabilities, expected one per step (" + clip.steps() + ")");
            }
            if (p.emotionProb().length != emotions.size()) {
                throw new IllegalArgumentException("prediction for clip " + clip.clipId() + " has " + p.emotionProb().length
                        + " emotion probabilities, expected " + emotions.size() + " (" + emotions + ")");
            }
            frames += clip.steps();
        }
        int[] frameTruth = new int[frames];
        float[] frameProb = new float[frames];
        int[] videoTruth = new int[truth.size()];
        int[] videoPred = new int[truth.size()];
        int[] emotionTruth = new int[truth.size()];
        int[] emotionPred = new int[truth.size()];
        int labelled = 0;
        int f = 0;
        for (int c = 0; c < truth.size(); c++) {
            AlignedClip clip = truth.get(c);
            ClipPrediction p = byId.get(clip.clipId());
            for (int t = 0; t < clip.steps(); t++) {
                frameTruth[f] = clip.ahFrames()[t] != 0 ? 1 : 0;
                frameProb[f] = p.ahProb()[t];
                f++;
            }
            videoTruth[c] = clip.ahVideo() ? 1 : 0;
            videoPred[c] = p.ahVideoProb() >= DECISION_THRESHOLD ? 1 : 0;
            if (clip.emotion() != null) {
                int id = emotions.indexOf(clip.emotion());
                if (id < 0) {
                    throw new IllegalArgumentException("clip " + clip.clipId() + ": emotion '" + clip.emotion()
                            + "' is not one of " + emotions);
                }
                emotionTruth[labelled] = id;
                emotionPred[labelled] = p.emotionArgmax();
                labelled++;
            }
        }
        int[] framePred = new int[frames];
        for (int i = 0; i < frames; i++) {
            framePred[i] = frameProb[i] >= DECISION_THRESHOLD ? 1 : 0;
        }
        int[] et = Arrays.copyOf(emotionTruth, labelled);
        int[] ep = Arrays.copyOf(emotionPred, labelled);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(AH_FRAME_MACRO_F1, macroF1(frameTruth, framePred, 2));
        out.put(AH_FRAME_AP, averagePrecision(frameTruth, frameProb));
        out.put(AH_VIDEO_MACRO_F1, macroF1(videoTruth, videoPred, 2));
        out.put(EMOTION_ACCURACY, accuracy(et, ep));
        out.put(EMOTION_MACRO_F1, macroF1(et, ep, emotions.size()));
        out.put(EMOTION_UAR, unweightedAverageRecall(et, ep, emotions.size()));
        out.put(EMOTION_WEIGHTED_F1, weightedF1(et, ep, emotions.size()));
        return out;
    }

    /** Fraction of equal entries, NaN when empty. */
    public static double accuracy(int[] truth, int[] pred) {
        if (truth.length == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == pred[i]) {
                correct++;
            }
        }
        return correct / (double) truth.length;
    }

    /**
     * Macro F1 over the classes in {@code [0, classes)} that occur in the truth or the predictions;
     * NaN when empty.
     */
    public static double macroF1(int[] truth, int[] pred, int classes) {
        if (truth.length == 0) {
            return Double.NaN;
        }
        long[][] counts = confusion(truth, pred, classes);
        double sum = 0;
        int used = 0;
        for (int k = 0; k < classes; k++) {
            long tp = counts[k][k];
            long fn = rowSum(counts, k) - tp;
            long fp = columnSum(counts, k) - tp;
            if (tp + fn + fp == 0) {
                continue;
            }
            sum += 2.0 * tp / (2.0 * tp + fp + fn);
            used++;
        }
        return sum / used;
    }

    /**
     * F1 per class weighted by the class's share of the truth (scikit-learn's
     * {@code f1_score(average="weighted")}, the MELD benchmark measure); NaN when empty.
     */
    public static double weightedF1(int[] truth, int[] pred, int classes) {
        if (truth.length == 0) {
            return Double.NaN;
        }
        long[][] counts = confusion(truth, pred, classes);
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            long tp = counts[k][k];
            long support = rowSum(counts, k);
            long fp = columnSum(counts, k) - tp;
            if (support > 0) {
                sum += support * (2.0 * tp / (2.0 * tp + fp + (support - tp)));
            }
        }
        return sum / truth.length;
    }

    /** Mean recall over the classes present in the truth (unweighted average recall); NaN when empty. */
    public static double unweightedAverageRecall(int[] truth, int[] pred, int classes) {
        if (truth.length == 0) {
            return Double.NaN;
        }
        long[][] counts = confusion(truth, pred, classes);
        double sum = 0;
        int present = 0;
        for (int k = 0; k < classes; k++) {
            long support = rowSum(counts, k);
            if (support > 0) {
                sum += counts[k][k] / (double) support;
                present++;
            }
        }
        return sum / present;
    }

    /**
     * Average precision of class 1 as defined in the class documentation; NaN when {@code truth} has
     * no positive.
     */
    public static double averagePrecision(int[] truth, float[] prob) {
        int n = truth.length;
        long positives = 0;
        for (int y : truth) {
            positives += y != 0 ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(prob[a], prob[b]));
        double[] sorted = new double[n];
        long[] positivesFrom = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            sorted[i] = prob[order[i]];
            positivesFrom[i] = positivesFrom[i + 1] + (truth[order[i]] != 0 ? 1 : 0);
        }
        double area = 0;
        double lastRecall = 0;
        double lastPrecision = 1;
        for (int k = AP_THRESHOLDS - 1; k >= 0; k--) {
            double threshold = k / (double) (AP_THRESHOLDS - 1);
            int first = firstAtLeast(sorted, threshold);
            long predicted = n - first;
            long tp = positivesFrom[first];
            double recall = tp / (double) positives;
            double precision = predicted == 0 ? 1.0 : tp / (double) predicted;
            area += (recall - lastRecall) * (precision + lastPrecision) / 2;
            lastRecall = recall;
            lastPrecision = precision;
        }
        return area;
    }

    private static int firstAtLeast(double[] sorted, double threshold) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] >= threshold) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static long[][] confusion(int[] truth, int[] pred, int classes) {
        if (truth.length != pred.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + pred.length + " predictions");
        }
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classes || pred[i] < 0 || pred[i] >= classes) {
                throw new IllegalArgumentException("label " + truth[i] + " or prediction " + pred[i] + " at " + i
                        + " is outside [0, " + classes + ")");
            }
            counts[truth[i]][pred[i]]++;
        }
        return counts;
    }

    private static long rowSum(long[][] counts, int row) {
        long s = 0;
        for (long v : counts[row]) {
            s += v;
        }
        return s;
    }

    private static long columnSum(long[][] counts, int column) {
        long s = 0;
        for (long[] row : counts) {
            s += row[column];
        }
        return s;
    }
}
