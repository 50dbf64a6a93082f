package org.mer4j.train.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.LabelTraces;
import org.mer4j.models.heads.HeadSpec;
import org.mer4j.train.Metrics;

/**
 * Continuous emotion (valence, arousal, or any named dimension) by regression, trained with the
 * concordance correlation coefficient loss {@code 1 - CCC} and scored by CCC, Pearson's r and RMSE
 * per dimension, the conventions of AVEC (Ringeval et al. 2017) and OMG-Empathy (Barros et al.
 * 2019). At {@code level: step} the targets are the manifest traces read at each step's centre
 * (linear interpolation; steps outside the trace are unlabelled) and the metrics are computed over
 * all labelled steps of the test clips ({@code <dim>_ccc}, ...), plus over clips when they carry
 * clip values ({@code <dim>_clip_ccc}, ...; prediction = mean of the clip's steps). At
 * {@code level: clip} one value per clip is regressed on the clip values ({@code <dim>_ccc}, ...).
 */
public final class DimensionalTask implements Task {
    /** Type of the multi-dimension task. */
    public static final String TYPE = "dimensional";

    private final DimensionalConfig config;
    private final List<String> dims;
    private final boolean stepLevel;

    DimensionalTask(DimensionalConfig config) {
        this.config = config;
        this.dims = config.dimensions();
        this.stepLevel = config.level().equals("step");
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
        return List.of(stepLevel ? HeadSpec.step(name(), dims.size()) : HeadSpec.clip(name(), dims.size()));
    }

    @Override
    public int stepTargetWidth() {
        return stepLevel ? dims.size() : 0;
    }

    @Override
    public int clipTargetWidth() {
        return dims.size();
    }

    @Override
    public EncodedLabels encode(AlignedClip clip) {
        int k = dims.size();
        float[] clipValues = new float[k];
        float[] clipMask = new float[k];
        for (int d = 0; d < k; d++) {
            Double v = clip.labels().dimension(dims.get(d));
            if (v != null) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("clip " + clip.clipId() + ": labels.dimensions." + dims.get(d) + " is " + v
                            + "; give a finite value or leave it out");
                }
                clipValues[d] = v.floatValue();
                clipMask[d] = 1f;
            }
        }
        if (!stepLevel) {
            return new EncodedLabels(null, null, clipValues, clipMask);
        }
        float[] step = new float[clip.steps() * k];
        float[] stepMask = new float[clip.steps() * k];
        LabelTraces traces = clip.labels().traces();
        if (traces != null) {
            for (int t = 0; t < clip.steps(); t++) {
                for (int d = 0; d < k; d++) {
                    double v = traces.valueAt(dims.get(d), clip.stepCentre(t));
                    if (!Double.isNaN(v)) {
                        step[t * k + d] = (float) v;
                        stepMask[t * k + d] = 1f;
                    }
                }
            }
        }
        return new EncodedLabels(step, stepMask, clipValues, clipMask);
    }

    @Override
    public NDArray loss(NDList outputs, BatchTargets targets) {
        NDArray out = outputs.get(0);
        int k = dims.size();
        if (stepLevel) {
            Shape flat = new Shape(-1, k);
            return Losses.concordanceLoss(out.reshape(flat), targets.step().reshape(flat), targets.stepMask().reshape(flat));
        }
        return Losses.concordanceLoss(out, targets.clip(), targets.clipMask());
    }

    @Override
    public List<TaskPrediction> decode(NDList outputs, List<AlignedClip> clips, int steps) {
        int k = dims.size();
        float[] v = outputs.get(0).toFloatArray();
        List<TaskPrediction> out = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            if (!stepLevel) {
                float[] clip = new float[k];
                System.arraycopy(v, i * k, clip, 0, k);
                out.add(new TaskPrediction(null, clip));
                continue;
            }
            int n = clips.get(i).steps();
            float[] step = new float[n * k];
            System.arraycopy(v, i * steps * k, step, 0, n * k);
            float[] clip = new float[k];
            for (int t = 0; t < n; t++) {
                for (int d = 0; d < k; d++) {
                    clip[d] += step[t * k + d] / n;
                }
            }
            out.add(new TaskPrediction(step, clip));
        }
        return out;
    }

    @Override
    public Map<String, Double> evaluate(List<AlignedClip> clips, List<EncodedLabels> labels, List<TaskPrediction> predictions) {
        Map<String, Double> out = new LinkedHashMap<>();
        int k = dims.size();
        for (int d = 0; d < k; d++) {
            List<double[]> steps = new ArrayList<>();
            List<double[]> clipPairs = new ArrayList<>();
            for (int c = 0; c < clips.size(); c++) {
                EncodedLabels l = labels.get(c);
                TaskPrediction p = predictions.get(c);
                for (int i = d; i < l.step().length; i += k) {
                    if (l.stepMask()[i] != 0) {
                        steps.add(new double[] {p.step()[i], l.step()[i]});
                    }
                }
                if (l.clipMask()[d] != 0) {
                    clipPairs.add(new double[] {p.clip()[d], l.clip()[d]});
                }
            }
            String dim = dims.get(d);
            if (stepLevel) {
                put(out, dim + "_", steps);
                put(out, dim + "_clip_", clipPairs);
            } else {
                put(out, dim + "_", clipPairs);
            }
        }
        return out;
    }

    private static void put(Map<String, Double> out, String prefix, List<double[]> pairs) {
        if (pairs.size() < 2) {
            return;
        }
        double[] pred = new double[pairs.size()];
        double[] truth = new double[pairs.size()];
        for (int i = 0; i < pred.length; i++) {
            pred[i] = pairs.get(i)[0];
            truth[i] = pairs.get(i)[1];
        }
        out.put(prefix + "ccc", Metrics.concordance(pred, truth));
        double r = Metrics.pearson(pred, truth);
        if (!Double.isNaN(r)) {
            out.put(prefix + "pearson", r);
        }
        out.put(prefix + "rmse", Metrics.rmse(pred, truth));
    }

    @Override
    public List<String> metricKeys() {
        return metricKeys(config);
    }

    static List<String> metricKeys(DimensionalConfig config) {
        boolean stepLevel = config.level().equals("step");
        List<String> keys = new ArrayList<>();
        for (String d : config.dimensions()) {
            for (String m : List.of("ccc", "pearson", "rmse")) {
                keys.add(d + "_" + m);
            }
            if (stepLevel) {
                for (String m : List.of("ccc", "pearson", "rmse")) {
                    keys.add(d + "_clip_" + m);
                }
            }
        }
        return keys;
    }

    @Override
    public String primaryMetric() {
        return dims.get(0) + "_ccc";
    }

    @Override
    public boolean higherIsBetter(String metric) {
        return !metric.endsWith("_rmse");
    }

    @Override
    public List<String> stepColumns() {
        if (!stepLevel) {
            return List.of();
        }
        List<String> cols = new ArrayList<>();
        dims.forEach(d -> {
            cols.add(d + "_true");
            cols.add(d + "_pred");
        });
        return cols;
    }

    @Override
    public List<String> stepCells(EncodedLabels labels, TaskPrediction prediction, int t) {
        List<String> cells = new ArrayList<>();
        int k = dims.size();
        for (int d = 0; d < k; d++) {
            int i = t * k + d;
            cells.add(labels.stepMask()[i] != 0 ? String.format(Locale.ROOT, "%.4f", labels.step()[i]) : "");
            cells.add(String.format(Locale.ROOT, "%.5f", prediction.step()[i]));
        }
        return cells;
    }

    @Override
    public List<String> clipColumns() {
        List<String> cols = new ArrayList<>();
        dims.forEach(d -> {
            cols.add(d + "_clip_true");
            cols.add(d + "_clip_pred");
        });
        return cols;
    }

    @Override
    public List<String> clipCells(EncodedLabels labels, TaskPrediction prediction) {
        List<String> cells = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) {
            cells.add(labels.clipMask()[d] != 0 ? String.format(Locale.ROOT, "%.4f", labels.clip()[d]) : "");
            cells.add(String.format(Locale.ROOT, "%.5f", prediction.clip()[d]));
        }
        return cells;
    }

    /** Provider of a dimensional task; {@code dimensional} (several dimensions) or one named dimension. */
    public static class Provider implements TaskProvider<DimensionalConfig> {
        private final String type;
        private final List<String> defaultDims;

        /** {@code dimensional} with valence and arousal by default. */
        public Provider() {
            this(TYPE, List.of("valence", "arousal"));
        }

        protected Provider(String type, List<String> defaultDims) {
            this.type = type;
            this.defaultDims = defaultDims;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Class<DimensionalConfig> configType() {
            return DimensionalConfig.class;
        }

        @Override
        public DimensionalConfig defaultConfig() {
            return new DimensionalConfig(type, 1, defaultDims, null);
        }

        @Override
        public List<String> metricKeys(DimensionalConfig config) {
            return DimensionalTask.metricKeys(config);
        }

        @Override
        public Task create(DimensionalConfig config, TaskContext context) {
            return new DimensionalTask(config);
        }
    }

    /** {@code valence}: one dimension named valence. */
    public static final class ValenceProvider extends Provider {
        public ValenceProvider() {
            super("valence", List.of("valence"));
        }
    }

    /** {@code arousal}: one dimension named arousal. */
    public static final class ArousalProvider extends Provider {
        public ArousalProvider() {
            super("arousal", List.of("arousal"));
        }
    }
}
