package org.mer4j.train.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.TimeSegment;
import org.mer4j.models.Scalars;
import org.mer4j.models.heads.HeadSpec;
import org.mer4j.train.Metrics;

/**
 * A binary event marked per step (frame) with a clip-level label derived from the steps: the shape
 * of ambivalence/hesitancy in BAH (Belharbi et al. 2025) and of segment-level cross-modal
 * inconsistency. One step head gives a logit per step (masked BCE with a positive-class weight);
 * the clip probability comes from the steps as configured ({@link BinaryEventConfig#video()}).
 *
 * <p>Metrics (class 1 = the event), at the {@code frame} level over all labelled steps and at the
 * clip level over the labelled clips: macro F1 (BAH's AVGF1), average precision of the positive
 * class at 1,000 thresholds ({@link Metrics#averagePrecision}), weighted F1 and accuracy, keyed
 * {@code <name>_<level>_<metric>}.
 */
public abstract class BinaryEventTask implements Task {
    private static final double THRESHOLD = 0.5;

    private final BinaryEventConfig config;
    private final String clipLevel;
    private final float positiveWeight;
    private final List<HeadSpec> heads;

    /**
     * @param clipLevel name of the clip level in metric keys ({@code video} for A/H, {@code clip} otherwise)
     * @param context the run's clips; the positive weight comes from its training clips
     */
    protected BinaryEventTask(BinaryEventConfig config, String clipLevel, TaskContext context) {
        this.config = config;
        this.clipLevel = clipLevel;
        List<HeadSpec> h = new ArrayList<>();
        h.add(HeadSpec.step(config.name(), 1));
        if (attention()) {
            h.add(HeadSpec.attentionPooled(config.name() + "_" + clipLevel, 1));
        }
        heads = List.copyOf(h);
        this.positiveWeight = config.positiveWeight() > 0 ? (float) config.positiveWeight() : autoPositiveWeight(context.trainingClips());
    }

    /** The step label at time {@code t} seconds: 1, 0, or null when the clip is not annotated at step level. */
    protected abstract Boolean stepLabel(AlignedClip clip, double t);

    /** The clip label, or null when absent. */
    protected abstract Boolean clipLabel(AlignedClip clip);

    /** {@code into} with this task's segments and clip label replaced. */
    protected abstract ClipLabels withLabels(ClipLabels into, List<TimeSegment> segments, boolean clipValue);

    @Override
    public boolean supportsPseudoLabels() {
        return true;
    }

    /**
     * Segments where the step probability reaches 0.5 (consecutive positive steps merged), the clip
     * label from the clip probability; empty when the mean step confidence {@code max(p, 1 - p)} is
     * below {@code minConfidence}.
     */
    @Override
    public java.util.Optional<ClipLabels> pseudoLabel(ClipLabels into, AlignedClip clip, TaskPrediction prediction, double minConfidence) {
        float[] p = prediction.step();
        double confidence = 0;
        List<TimeSegment> segments = new ArrayList<>();
        int start = -1;
        for (int t = 0; t <= p.length; t++) {
            boolean positive = t < p.length && p[t] >= THRESHOLD;
            if (t < p.length) {
                confidence += Math.max(p[t], 1 - p[t]);
            }
            if (positive && start < 0) {
                start = t;
            } else if (!positive && start >= 0) {
                segments.add(new TimeSegment(start / clip.rate(), t / clip.rate()));
                start = -1;
            }
        }
        if (p.length == 0 || confidence / p.length < minConfidence) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(withLabels(into, segments, prediction.clip()[0] >= THRESHOLD));
    }

    private boolean attention() {
        return config.video().equals("attention");
    }

    /** negatives / positives over the labelled training steps, 1 when either is absent. */
    private float autoPositiveWeight(List<AlignedClip> training) {
        long pos = 0;
        long neg = 0;
        for (AlignedClip c : training) {
            for (int t = 0; t < c.steps(); t++) {
                Boolean y = stepLabel(c, c.stepCentre(t));
                if (y != null) {
                    pos += y ? 1 : 0;
                    neg += y ? 0 : 1;
                }
            }
        }
        return pos == 0 || neg == 0 ? 1f : (float) (neg / (double) pos);
    }

    /** The positive-class weight of the step loss. */
    public float positiveWeight() {
        return positiveWeight;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public double weight() {
        return config.weight();
    }

    @Override
    public List<HeadSpec> heads() {
        return heads;
    }

    @Override
    public int stepTargetWidth() {
        return 1;
    }

    @Override
    public int clipTargetWidth() {
        return 1;
    }

    @Override
    public EncodedLabels encode(AlignedClip clip) {
        float[] y = new float[clip.steps()];
        float[] m = new float[clip.steps()];
        for (int t = 0; t < clip.steps(); t++) {
            Boolean label = stepLabel(clip, clip.stepCentre(t));
            if (label != null) {
                y[t] = label ? 1f : 0f;
                m[t] = 1f;
            }
        }
        Boolean c = clipLabel(clip);
        return new EncodedLabels(y, m, new float[] {c != null && c ? 1f : 0f}, new float[] {c == null ? 0f : 1f});
    }

    @Override
    public NDArray loss(NDList outputs, BatchTargets targets) {
        NDArray z = outputs.get(0);
        NDArray loss = Losses.binaryCrossEntropy(z, targets.step(), targets.stepMask(), positiveWeight);
        if (config.clipLossWeight() > 0) {
            NDArray clipLogit = attention() ? outputs.get(1) : meanLogit(z, targets.realSteps());
            loss = loss.add(Scalars.mul(Losses.binaryCrossEntropy(clipLogit, targets.clip(), targets.clipMask(), 1f), config.clipLossWeight()));
        }
        return loss;
    }

    /** Mean logit {@code [B,1]} over the steps inside each clip (padding excluded). */
    private static NDArray meanLogit(NDArray z, NDArray realSteps) {
        NDArray real = realSteps.expandDims(2);
        return z.mul(real).sum(new int[] {1}).div(Scalars.maximum(real.sum(new int[] {1}), 1));
    }

    @Override
    public List<TaskPrediction> decode(NDList outputs, List<AlignedClip> clips, int steps) {
        float[] logits = outputs.get(0).toFloatArray();
        float[] videoLogits = attention() ? outputs.get(1).toFloatArray() : null;
        List<TaskPrediction> out = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            int n = clips.get(i).steps();
            float[] p = new float[n];
            double logitSum = 0;
            double probSum = 0;
            int above = 0;
            for (int t = 0; t < n; t++) {
                float z = logits[i * steps + t];
                p[t] = sigmoid(z);
                logitSum += z;
                probSum += p[t];
                above += p[t] >= THRESHOLD ? 1 : 0;
            }
            double clip = switch (config.video()) {
                case "mean-logit" -> sigmoid((float) (logitSum / Math.max(1, n)));
                case "majority" -> above / (double) Math.max(1, n);
                case "attention" -> sigmoid(videoLogits[i]);
                default -> probSum / Math.max(1, n);
            };
            out.add(new TaskPrediction(p, new float[] {(float) clip}));
        }
        return out;
    }

    private static float sigmoid(float z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    @Override
    public Map<String, Double> evaluate(List<AlignedClip> clips, List<EncodedLabels> labels, List<TaskPrediction> predictions) {
        List<Integer> frameTruth = new ArrayList<>();
        List<Float> frameProb = new ArrayList<>();
        List<Integer> clipTruth = new ArrayList<>();
        List<Float> clipProb = new ArrayList<>();
        for (int c = 0; c < clips.size(); c++) {
            EncodedLabels l = labels.get(c);
            TaskPrediction p = predictions.get(c);
            for (int t = 0; t < l.step().length; t++) {
                if (l.stepMask()[t] != 0) {
                    frameTruth.add(l.step()[t] != 0 ? 1 : 0);
                    frameProb.add(p.step()[t]);
                }
            }
            if (l.clipMask()[0] != 0) {
                clipTruth.add(l.clip()[0] != 0 ? 1 : 0);
                clipProb.add(p.clip()[0]);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        level(out, "frame", frameTruth, frameProb);
        level(out, clipLevel, clipTruth, clipProb);
        return out;
    }

    private void level(Map<String, Double> out, String level, List<Integer> truthList, List<Float> probList) {
        if (truthList.isEmpty()) {
            return;
        }
        int[] truth = truthList.stream().mapToInt(Integer::intValue).toArray();
        float[] prob = new float[probList.size()];
        int[] pred = new int[prob.length];
        for (int i = 0; i < prob.length; i++) {
            prob[i] = probList.get(i);
            pred[i] = prob[i] >= THRESHOLD ? 1 : 0;
        }
        String prefix = name() + "_" + level + "_";
        out.put(prefix + "macro_f1", Metrics.macroF1(truth, pred, 2));
        double ap = Metrics.averagePrecision(truth, prob);
        if (!Double.isNaN(ap)) {
            out.put(prefix + "ap", ap);
        }
        out.put(prefix + "weighted_f1", Metrics.weightedF1(truth, pred, 2));
        out.put(prefix + "accuracy", Metrics.accuracy(truth, pred));
    }

    @Override
    public List<String> metricKeys() {
        return metricKeys(name(), clipLevel);
    }

    /** The metric keys of a task called {@code name} whose clip level is called {@code clipLevel}. */
    static List<String> metricKeys(String name, String clipLevel) {
        List<String> keys = new ArrayList<>();
        for (String level : List.of("frame", clipLevel)) {
            for (String m : List.of("macro_f1", "ap", "weighted_f1", "accuracy")) {
                keys.add(name + "_" + level + "_" + m);
            }
        }
        return keys;
    }

    @Override
    public String primaryMetric() {
        return name() + "_frame_macro_f1";
    }

    @Override
    public List<String> stepColumns() {
        return List.of(name() + "_true", name() + "_prob");
    }

    @Override
    public List<String> stepCells(EncodedLabels labels, TaskPrediction prediction, int t) {
        String truth = labels.stepMask()[t] != 0 ? String.valueOf((int) labels.step()[t]) : "";
        return List.of(truth, String.format(Locale.ROOT, "%.5f", prediction.step()[t]));
    }

    @Override
    public List<String> clipColumns() {
        return List.of(name() + "_" + clipLevel + "_true", name() + "_" + clipLevel + "_prob");
    }

    @Override
    public List<String> clipCells(EncodedLabels labels, TaskPrediction prediction) {
        String truth = labels.clipMask()[0] != 0 ? String.valueOf((int) labels.clip()[0]) : "";
        return List.of(truth, String.format(Locale.ROOT, "%.5f", prediction.clip()[0]));
    }

    /** The provider skeleton of a binary event task: its type, its clip-level name, the shared config. */
    abstract static class Provider implements TaskProvider<BinaryEventConfig> {
        private final String type;
        private final String clipLevel;

        Provider(String type, String clipLevel) {
            this.type = type;
            this.clipLevel = clipLevel;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Class<BinaryEventConfig> configType() {
            return BinaryEventConfig.class;
        }

        @Override
        public BinaryEventConfig defaultConfig() {
            return BinaryEventConfig.defaults(type);
        }

        @Override
        public List<String> metricKeys(BinaryEventConfig config) {
            return BinaryEventTask.metricKeys(config.name(), clipLevel);
        }
    }
}
