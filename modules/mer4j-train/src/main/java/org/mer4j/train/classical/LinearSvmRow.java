package org.mer4j.train.classical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.train.ClipPrediction;
import org.mer4j.train.tasks.EmotionTask;
import org.mer4j.train.tasks.EncodedLabels;
import org.mer4j.train.tasks.TaskPrediction;
import org.mer4j.train.tasks.TaskSet;

/**
 * The classical acoustic baseline as a table row: a linear SVM (or logistic regression) from
 * LIBLINEAR on clip-level functionals, as in the INTERSPEECH/ComParE challenge baselines (Schuller
 * et al.) and the eGeMAPS paper (Eyben et al., "The Geneva Minimalistic Acoustic Parameter Set
 * (GeMAPS) for Voice Research and Affective Computing", IEEE TAC 7(2), 2016), which report
 * leave-one-speaker-out results on EmoDB with exactly this recipe.
 *
 * <p>Each clip is one feature row: per modality of the row (in the row's order) the values of its
 * single valid step, concatenated; a modality with no valid step contributes zeros (the training
 * mean once z-scored), one with more than one valid step is refused (frame-level features need
 * pooling into functionals first). The row trains one clip-level categorical task, {@code emotion}:
 * the target is the clip's label (or, with only an annotator distribution, its most voted class;
 * the SVM takes no soft targets). Every C of the grid is fitted on the training clips and scored on
 * the validation clips with the task's own metric ({@code train.selectBy}, default the task's
 * primary metric, UAR); the best C wins, ties going to the smaller (more regularised) C. The model
 * is then refitted on training and validation clips ({@code refit: train+val}) or kept
 * ({@code refit: train}). Predictions are {@link ClipPrediction}s of the emotion task, so metrics,
 * {@code clip_predictions.csv} and the summary tables are those of any other row.
 */
public final class LinearSvmRow {
    /** Type name in configs: {@code classifier: {type: linear-svm}}. */
    public static final String TYPE = "linear-svm";

    private final LinearSvmConfig config;
    private final EmotionTask task;
    private final List<Modality> modalities;
    private final LinearSvm model;
    private final double chosenC;
    private final Map<Double, Double> validation;
    private final List<String> log;

    private LinearSvmRow(LinearSvmConfig config, EmotionTask task, List<Modality> modalities, LinearSvm model, double chosenC,
                         Map<Double, Double> validation, List<String> log) {
        this.config = config;
        this.task = task;
        this.modalities = modalities;
        this.model = model;
        this.chosenC = chosenC;
        this.validation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validation));
        this.log = List.copyOf(log);
    }

    /**
     * Checks, when a config is loaded, that a row of this type can serve the configured tasks.
     *
     * @param taskTypes the {@code type} of every configured task, in order
     * @param path the row's config path for the message, e.g. {@code rows[2].classifier}
     * @throws IllegalArgumentException naming the path, the tasks and the fix
     */
    public static void checkTasks(List<String> taskTypes, String path) {
        if (taskTypes.size() != 1 || !EmotionTask.TYPE.equals(taskTypes.get(0))) {
            throw new IllegalArgumentException(path + ": " + TYPE + " trains one clip-level categorical task, tasks: [{type: "
                    + EmotionTask.TYPE + "}], but the config has tasks " + taskTypes + "; train these tasks with a fusion row"
                    + " (fusion: {type: ...}) or give the experiment only the emotion task");
        }
    }

    /**
     * Selects C on {@code val} and fits the row.
     *
     * @param tasks the run's tasks (one {@link EmotionTask}); labels and metrics come from here
     * @param modalities the row's modalities, in feature order
     * @param train the training clips, already normalised
     * @param val the validation clips, normalised like {@code train} (may be empty for a single C)
     * @param selectBy the validation metric that picks C, or null for the task's primary metric
     * @param seed the run seed; each fit draws LIBLINEAR's coordinate order from its own split of it
     */
    public static LinearSvmRow fit(LinearSvmConfig config, TaskSet tasks, List<Modality> modalities, List<AlignedClip> train,
                                   List<AlignedClip> val, String selectBy, long seed) {
        if (tasks.tasks().size() != 1 || !(tasks.tasks().get(0) instanceof EmotionTask task)) {
            throw new IllegalArgumentException(TYPE + " trains one clip-level categorical emotion task; got tasks "
                    + tasks.tasks().stream().map(t -> t.name()).toList() + "; give the experiment tasks: [{type: emotion}]");
        }
        String metric = selectBy != null ? selectBy : tasks.primaryMetric();
        Samples tr = samples(task, tasks, modalities, train, "training");
        Samples va = samples(task, tasks, modalities, val, "validation");
        long classesSeen = java.util.Arrays.stream(tr.y()).distinct().count();
        if (classesSeen < 2) {
            throw new IllegalArgumentException(TYPE + ": the labelled training clips of this fold hold " + classesSeen + " class(es) of "
                    + task.classes() + "; a classifier needs at least two (check the labels and the protocol's folds)");
        }
        if (config.C().size() > 1 && va.y().length == 0) {
            throw new IllegalArgumentException(TYPE + ": C lists " + config.C().size() + " values " + config.C() + " but this fold has no"
                    + " labelled validation clips to choose between them; give protocol.valFraction > 0 (or validation clips in an"
                    + " official split), or a single value, e.g. C: [0.01]");
        }
        boolean logistic = config.solver().equals("logistic");
        List<String> log = new ArrayList<>();
        int dim = tr.x()[0].length;
        log.add(String.format(Locale.ROOT, "%s: solver %s (LIBLINEAR %s, one-vs-rest, bias feature 1), tolerance %s, maxIterations %d,"
                        + " classWeight %s, refit %s; %d features (%s); %d training and %d validation clips with labels;"
                        + " C chosen by validation %s, ties to the smaller C",
                TYPE, config.solver(), logistic ? "L2R_LR" : "L2R_L2LOSS_SVC_DUAL", plain(config.tolerance()), config.maxIterations(),
                config.classWeight(), config.refit(), dim, featureLayout(modalities, train), tr.y().length, va.y().length, metric));
        SplittableRandom seeds = new SplittableRandom(seed);
        Map<Double, Double> scores = new LinkedHashMap<>();
        LinearSvm best = null;
        double bestC = Double.NaN;
        double bestScore = Double.NaN;
        boolean higher = tasks.higherIsBetter(metric);
        for (double c : config.C()) {
            LinearSvm m = fitOne(config, tr, task.classes().size(), c, logistic, seeds.split().nextLong());
            if (va.y().length == 0) {
                log.add("C=" + plain(c) + " (the only value; no validation clips): " + liblinear(m));
                best = m;
                bestC = c;
                break;
            }
            Double score = tasks.evaluate(va.clips(), predict(task, m, modalities, va.clips())).get(metric);
            if (score == null) {
                throw new IllegalArgumentException(TYPE + ": the task does not report '" + metric + "' on the validation clips; set"
                        + " train.selectBy to one of " + tasks.metricKeys());
            }
            scores.put(c, score);
            log.add(String.format(Locale.ROOT, "C=%s validation %s=%.4f: %s", plain(c), metric, score, liblinear(m)));
            boolean better = best == null || (higher ? score > bestScore : score < bestScore)
                    || (score.doubleValue() == bestScore && c < bestC);
            if (better) {
                best = m;
                bestC = c;
                bestScore = score;
            }
        }
        if (!scores.isEmpty()) {
            log.add(String.format(Locale.ROOT, "chosen C=%s (validation %s=%.4f)", plain(bestC), metric, bestScore));
        }
        if (config.refit().equals("train+val") && va.y().length > 0) {
            Samples all = tr.plus(va);
            best = fitOne(config, all, task.classes().size(), bestC, logistic, seeds.split().nextLong());
            log.add("refit with C=" + plain(bestC) + " on " + all.y().length + " training+validation clips" + weightsNote(config, all, task)
                    + ": " + liblinear(best));
        } else {
            log.add("kept the model fitted on the " + tr.y().length + " training clips" + weightsNote(config, tr, task));
        }
        return new LinearSvmRow(config, task, List.copyOf(modalities), best, bestC, scores, log);
    }

    /** Emotion-task predictions for {@code clips}, in order. */
    public List<ClipPrediction> predict(List<AlignedClip> clips) {
        return predict(task, model, modalities, clips);
    }

    /** The C the final model was fitted with. */
    public double chosenC() {
        return chosenC;
    }

    /** Per C of the grid, in grid order, its validation score (empty without validation clips). */
    public Map<Double, Double> validationScores() {
        return validation;
    }

    /** What was fitted and chosen, one line each, for the run's {@code log.txt}. */
    public List<String> log() {
        return log;
    }

    /** Weights of the final model: (features + bias) per one-vs-rest problem. */
    public long parameterCount() {
        return model.parameterCount();
    }

    /** The final model in LIBLINEAR's text format (labels are the emotion task's class indices). */
    public String modelText() {
        return model.modelText();
    }

    /** The settings the row was fitted with. */
    public LinearSvmConfig config() {
        return config;
    }

    private static List<ClipPrediction> predict(EmotionTask task, LinearSvm model, List<Modality> modalities, List<AlignedClip> clips) {
        List<ClipPrediction> out = new ArrayList<>(clips.size());
        for (AlignedClip c : clips) {
            float[] scores = model.scores(features(c, modalities));
            out.add(new ClipPrediction(c.clipId(), Map.of(task.name(), new TaskPrediction(null, scores))));
        }
        return out;
    }

    private static LinearSvm fitOne(LinearSvmConfig config, Samples s, int classes, double c, boolean logistic, long seed) {
        return LinearSvm.fit(s.x(), s.y(), classes, c, weights(config, s.y(), classes), logistic, config.tolerance(),
                config.maxIterations(), seed);
    }

    /** Balanced weights: 1/count per present class, normalised to mean 1 over the present classes; null for none. */
    static double[] weights(LinearSvmConfig config, int[] y, int classes) {
        if (!config.classWeight().equals("balanced")) {
            return null;
        }
        double[] counts = new double[classes];
        for (int k : y) {
            counts[k]++;
        }
        double[] w = new double[classes];
        double sum = 0;
        int present = 0;
        for (int k = 0; k < classes; k++) {
            if (counts[k] > 0) {
                w[k] = 1 / counts[k];
                sum += w[k];
                present++;
            }
        }
        for (int k = 0; k < classes; k++) {
            w[k] = w[k] * present / sum;
        }
        return w;
    }

    private static String weightsNote(LinearSvmConfig config, Samples s, EmotionTask task) {
        double[] w = weights(config, s.y(), task.classes().size());
        if (w == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(", class weights {");
        for (int k = 0; k < w.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(task.classes().get(k)).append('=').append(String.format(Locale.ROOT, "%.3f", w[k]));
        }
        return sb.append('}').toString();
    }

    private static String liblinear(LinearSvm m) {
        return m.messages().isEmpty() ? "LIBLINEAR reported nothing" : "LIBLINEAR: " + String.join("; ", m.messages());
    }

    /** A row's feature vector: per modality its single valid step (zeros when none is valid). */
    static double[] features(AlignedClip c, List<Modality> modalities) {
        int width = 0;
        for (Modality m : modalities) {
            width += dimOf(c, m);
        }
        double[] out = new double[width];
        int offset = 0;
        for (Modality m : modalities) {
            int dim = dimOf(c, m);
            boolean[] mask = c.masks().get(m);
            float[] x = c.features().get(m);
            int valid = -1;
            int count = 0;
            for (int t = 0; t < c.steps(); t++) {
                if (mask[t]) {
                    valid = t;
                    count++;
                }
            }
            if (count > 1) {
                throw new IllegalArgumentException("clip " + c.clipId() + ": modality " + m.key() + " has " + count + " valid steps at "
                        + "alignment.rate " + plain(c.rate()) + " Hz, but " + TYPE + " reads one feature row per clip; give this row"
                        + " only clip-level functionals (e.g. features.extractors: [{name: egemaps, config: {segmentSeconds: 0}}]),"
                        + " no frame-level extractor of the same modality, or use a fusion row for frame-level features");
            }
            if (valid >= 0) {
                for (int d = 0; d < dim; d++) {
                    out[offset + d] = x[valid * dim + d];
                }
            }
            offset += dim;
        }
        return out;
    }

    private static int dimOf(AlignedClip c, Modality m) {
        Integer dim = c.dims().get(m);
        if (dim == null) {
            throw new IllegalArgumentException("clip " + c.clipId() + " has no " + m.key() + " features; configure an extractor for it");
        }
        return dim;
    }

    private static String featureLayout(List<Modality> modalities, List<AlignedClip> clips) {
        List<String> parts = new ArrayList<>();
        for (Modality m : modalities) {
            parts.add(m.key() + " " + dimOf(clips.get(0), m));
        }
        return String.join(", ", parts);
    }

    private static Samples samples(EmotionTask task, TaskSet tasks, List<Modality> modalities, List<AlignedClip> clips, String what) {
        List<AlignedClip> kept = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (AlignedClip c : clips) {
            double[] f = features(c, modalities);
            EncodedLabels l = tasks.labels(c)[0];
            if (!l.hasClipLabels()) {
                continue;
            }
            String label = c.labels().emotion();
            kept.add(c);
            x.add(f);
            y.add(label != null ? task.classes().indexOf(label) : argmax(l.clip()));
        }
        if (x.isEmpty() && what.equals("training")) {
            throw new IllegalArgumentException(TYPE + ": none of the " + clips.size() + " training clips of this fold has an emotion label");
        }
        return new Samples(kept, x.toArray(new double[0][]), y.stream().mapToInt(Integer::intValue).toArray());
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

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The labelled clips of one split with their feature rows and class indices. */
    private record Samples(List<AlignedClip> clips, double[][] x, int[] y) {
        Samples plus(Samples o) {
            List<AlignedClip> c = new ArrayList<>(clips);
            c.addAll(o.clips);
            double[][] xx = java.util.Arrays.copyOf(x, x.length + o.x.length);
            System.arraycopy(o.x, 0, xx, x.length, o.x.length);
            int[] yy = java.util.Arrays.copyOf(y, y.length + o.y.length);
            System.arraycopy(o.y, 0, yy, y.length, o.y.length);
            return new Samples(c, xx, yy);
        }
    }
}
