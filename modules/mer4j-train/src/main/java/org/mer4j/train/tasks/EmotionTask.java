package org.mer4j.train.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.models.heads.HeadSpec;
import org.mer4j.train.Metrics;

/**
 * Categorical clip emotion: a clip head with one logit per class on the pooled representation,
 * cross-entropy against one-hot labels or annotator distributions (soft labels, as in the
 * speech-emotion subjectivity literature, e.g. Ando et al. 2018 "Soft-target training with ambiguous
 * emotional utterances"), optional class weights. Metrics on the labelled clips, the prediction
 * being the most probable class and the truth the label (or the most voted class):
 * {@code <name>_accuracy}, {@code _macro_f1}, {@code _uar} (unweighted average recall),
 * {@code _weighted_f1} (MELD's measure).
 */
public final class EmotionTask implements Task {
    /** Type name in configs. */
    public static final String TYPE = "emotion";

    private final EmotionConfig config;
    private final List<String> classes;
    private final float[] classWeights;

    EmotionTask(EmotionConfig config, TaskContext context) {
        this.config = config;
        this.classes = classes(config, context);
        this.classWeights = weights(config, context.trainingClips());
    }

    private static List<String> classes(EmotionConfig config, TaskContext context) {
        if (config.classes() != null) {
            return config.classes();
        }
        List<String> declared = context.declaredClasses().get("emotion");
        if (declared != null && !declared.isEmpty()) {
            return declared;
        }
        TreeSet<String> seen = new TreeSet<>();
        for (AlignedClip c : context.allClips()) {
            ClipLabels l = c.labels();
            if (l.emotion() != null) {
                seen.add(l.emotion());
            }
            if (l.emotionDistribution() != null) {
                seen.addAll(l.emotionDistribution().keySet());
            }
        }
        if (seen.isEmpty()) {
            throw new IllegalArgumentException("task '" + config.name() + "': no clip has an emotion label; remove the task or label the clips");
        }
        return List.copyOf(seen);
    }

    private float[] weights(EmotionConfig config, List<AlignedClip> training) {
        int e = classes.size();
        if (config.classWeights() instanceof Map<?, ?> map) {
            float[] w = new float[e];
            for (int k = 0; k < e; k++) {
                Object v = map.get(classes.get(k));
                if (!(v instanceof Number n) || !(n.doubleValue() >= 0)) {
                    throw new IllegalArgumentException("tasks[" + config.name() + "].classWeights." + classes.get(k)
                            + ": give a weight >= 0 for every class " + classes + ", got " + v);
                }
                w[k] = n.floatValue();
            }
            for (Object key : map.keySet()) {
                if (!classes.contains(String.valueOf(key))) {
                    throw new IllegalArgumentException("tasks[" + config.name() + "].classWeights: '" + key + "' is not a class of " + classes);
                }
            }
            return w;
        }
        if (!"balanced".equals(config.classWeights())) {
            return null;
        }
        double[] counts = new double[e];
        for (AlignedClip c : training) {
            EncodedLabels l = encode(c);
            if (l.hasClipLabels()) {
                for (int k = 0; k < e; k++) {
                    counts[k] += l.clip()[k];
                }
            }
        }
        float[] w = new float[e];
        double sum = 0;
        int present = 0;
        for (int k = 0; k < e; k++) {
            if (counts[k] > 0) {
                w[k] = (float) (1 / counts[k]);
                sum += w[k];
                present++;
            }
        }
        for (int k = 0; k < e; k++) {
            w[k] = present == 0 ? 1f : (float) (w[k] * present / sum);
        }
        return w;
    }

    /** The class names, index = logit index. */
    public List<String> classes() {
        return classes;
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
        return List.of(HeadSpec.clip(config.name(), classes.size()));
    }

    @Override
    public int stepTargetWidth() {
        return 0;
    }

    @Override
    public int clipTargetWidth() {
        return classes.size();
    }

    @Override
    public EncodedLabels encode(AlignedClip clip) {
        ClipLabels l = clip.labels();
        int e = classes.size();
        float[] q = new float[e];
        float[] mask = new float[e];
        Map<String, Double> dist = l.emotionDistribution();
        if (dist != null && !dist.isEmpty() && (config.targets().equals("soft") || l.emotion() == null)) {
            double sum = 0;
            for (Map.Entry<String, Double> v : dist.entrySet()) {
                int k = classIndex(clip, "emotionDistribution", v.getKey());
                q[k] = v.getValue().floatValue();
                sum += v.getValue();
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("clip " + clip.clipId() + ": labels.emotionDistribution sums to " + sum
                        + "; give non-negative votes with a positive sum");
            }
            for (int k = 0; k < e; k++) {
                q[k] /= (float) sum;
            }
            if (config.targets().equals("hard")) {
                int best = argmax(q);
                java.util.Arrays.fill(q, 0f);
                q[best] = 1f;
            }
        } else if (l.emotion() != null) {
            q[classIndex(clip, "emotion", l.emotion())] = 1f;
        } else {
            return new EncodedLabels(null, null, q, mask);
        }
        java.util.Arrays.fill(mask, 1f);
        return new EncodedLabels(null, null, q, mask);
    }

    private int classIndex(AlignedClip clip, String field, String value) {
        int k = classes.indexOf(value);
        if (k < 0) {
            throw new IllegalArgumentException("clip " + clip.clipId() + ": labels." + field + " has class '" + value
                    + "', which is not one of the declared classes " + classes + "; fix the label, or declare the class in the manifest's"
                    + " classes.emotion or in tasks[" + config.name() + "].classes");
        }
        return k;
    }

    @Override
    public NDArray loss(NDList outputs, BatchTargets targets) {
        NDArray w = classWeights == null ? null : outputs.get(0).getManager().create(classWeights);
        return Losses.softCrossEntropy(outputs.get(0), targets.clip(), targets.clipMask(), w);
    }

    @Override
    public boolean supportsPseudoLabels() {
        return true;
    }

    /** The most probable class, when its probability reaches {@code minConfidence}. */
    @Override
    public java.util.Optional<ClipLabels> pseudoLabel(ClipLabels into, AlignedClip clip, TaskPrediction prediction, double minConfidence) {
        int k = argmax(prediction.clip());
        return prediction.clip()[k] >= minConfidence ? java.util.Optional.of(into.withEmotion(classes.get(k))) : java.util.Optional.empty();
    }

    @Override
    public List<TaskPrediction> decode(NDList outputs, List<AlignedClip> clips, int steps) {
        int e = classes.size();
        float[] p = outputs.get(0).softmax(1).toFloatArray();
        List<TaskPrediction> out = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            float[] clip = new float[e];
            System.arraycopy(p, i * e, clip, 0, e);
            out.add(new TaskPrediction(null, clip));
        }
        return out;
    }

    @Override
    public Map<String, Double> evaluate(List<AlignedClip> clips, List<EncodedLabels> labels, List<TaskPrediction> predictions) {
        int n = 0;
        int[] truth = new int[clips.size()];
        int[] pred = new int[clips.size()];
        for (int c = 0; c < clips.size(); c++) {
            if (labels.get(c).hasClipLabels()) {
                truth[n] = truthClass(clips.get(c), labels.get(c));
                pred[n] = argmax(predictions.get(c).clip());
                n++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (n == 0) {
            return out;
        }
        truth = java.util.Arrays.copyOf(truth, n);
        pred = java.util.Arrays.copyOf(pred, n);
        int e = classes.size();
        out.put(name() + "_accuracy", Metrics.accuracy(truth, pred));
        out.put(name() + "_macro_f1", Metrics.macroF1(truth, pred, e));
        out.put(name() + "_uar", Metrics.unweightedAverageRecall(truth, pred, e));
        out.put(name() + "_weighted_f1", Metrics.weightedF1(truth, pred, e));
        return out;
    }

    /** The clip's true class: its label when it has one, else the most voted class of its targets. */
    private int truthClass(AlignedClip clip, EncodedLabels l) {
        String label = clip.labels().emotion();
        return label != null ? classes.indexOf(label) : argmax(l.clip());
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public List<String> metricKeys() {
        return metricKeys(name());
    }

    static List<String> metricKeys(String name) {
        return List.of(name + "_accuracy", name + "_macro_f1", name + "_uar", name + "_weighted_f1");
    }

    @Override
    public String primaryMetric() {
        return name() + "_uar";
    }

    @Override
    public List<String> stepColumns() {
        return List.of();
    }

    @Override
    public List<String> stepCells(EncodedLabels labels, TaskPrediction prediction, int t) {
        return List.of();
    }

    @Override
    public List<String> clipColumns() {
        List<String> cols = new ArrayList<>(List.of(name() + "_true", name() + "_pred"));
        classes.forEach(c -> cols.add(name() + "_p_" + c));
        return cols;
    }

    @Override
    public List<String> clipCells(EncodedLabels labels, TaskPrediction prediction) {
        List<String> cells = new ArrayList<>();
        cells.add(labels.hasClipLabels() ? classes.get(argmax(labels.clip())) : "");
        cells.add(classes.get(argmax(prediction.clip())));
        for (float v : prediction.clip()) {
            cells.add(String.format(Locale.ROOT, "%.5f", v));
        }
        return cells;
    }

    /** Registers {@link EmotionTask} as {@code emotion}. */
    public static final class Provider implements TaskProvider<EmotionConfig> {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Class<EmotionConfig> configType() {
            return EmotionConfig.class;
        }

        @Override
        public EmotionConfig defaultConfig() {
            return EmotionConfig.defaults();
        }

        @Override
        public List<String> metricKeys(EmotionConfig config) {
            return EmotionTask.metricKeys(config.name());
        }

        @Override
        public Task create(EmotionConfig config, TaskContext context) {
            return new EmotionTask(config, context);
        }
    }
}
