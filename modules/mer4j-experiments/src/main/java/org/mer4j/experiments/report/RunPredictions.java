package org.mer4j.experiments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.mer4j.train.Metrics;

/**
 * A run's test predictions read back from its folder, {@code predictions.csv} (per step) and
 * {@code clip_predictions.csv} (per clip), with the task columns recognised by the names the
 * built-in tasks write:
 * <ul>
 *   <li>binary per step: {@code X_true}, {@code X_prob} in {@code predictions.csv}: level {@code X_frame};</li>
 *   <li>binary per clip: {@code Y_true}, {@code Y_prob} in {@code clip_predictions.csv}: level {@code Y}
 *       (e.g. {@code ah_video}, {@code inconsistency_clip});</li>
 *   <li>categorical: {@code X_true}, {@code X_pred} and the class probabilities {@code X_p_<class>}
 *       (which give the class order) in {@code clip_predictions.csv}.</li>
 * </ul>
 * {@link #metrics} recomputes the tasks' metrics on any subset of the test clips (for breakdowns
 * a run did not record) with the same definitions ({@link Metrics}; class 1 when the probability is at
 * least 0.5; AP at 1,000 thresholds), from probabilities rounded to the 5 decimals of the files.
 */
final class RunPredictions {
    private static final double THRESHOLD = 0.5;
    private final CsvTable steps;
    private final CsvTable clips;

    /** Labels and probabilities of a binary level. */
    record Binary(int[] truth, float[] prob) {
    }

    /** True and predicted classes of a categorical task. */
    record Categorical(List<String> classes, List<String> truth, List<String> predicted) {
    }

    private RunPredictions(CsvTable steps, CsvTable clips) {
        this.steps = steps;
        this.clips = clips;
    }

    /** The prediction files of {@code runDir} (either may be absent). */
    static RunPredictions read(Path runDir) throws IOException {
        Path s = runDir.resolve("predictions.csv");
        Path c = runDir.resolve("clip_predictions.csv");
        return new RunPredictions(Files.isRegularFile(s) ? CsvTable.read(s) : null, Files.isRegularFile(c) ? CsvTable.read(c) : null);
    }

    /** Each test clip's subject, from the prediction files. */
    Map<String, String> subjectOfClip() {
        Map<String, String> out = new LinkedHashMap<>();
        for (CsvTable t : new CsvTable[] {clips, steps}) {
            if (t != null && t.has("clip_id") && t.has("subject")) {
                t.rows().forEach(r -> out.putIfAbsent(t.cell(r, "clip_id"), t.cell(r, "subject")));
            }
        }
        return out;
    }

    /**
     * The binary levels, each step level followed by the clip levels of the same task:
     * e.g. {@code ah_frame, ah_video, inconsistency_frame, inconsistency_clip}.
     */
    List<String> binaryLevels() {
        List<String> stepTasks = pairs(steps, "_prob");
        List<String> clipLevels = new ArrayList<>(pairs(clips, "_prob"));
        List<String> out = new ArrayList<>();
        for (String task : stepTasks) {
            out.add(task + "_frame");
            for (String level : List.copyOf(clipLevels)) {
                if (level.startsWith(task + "_")) {
                    out.add(level);
                    clipLevels.remove(level);
                }
            }
        }
        out.addAll(clipLevels);
        return out;
    }

    /** The labelled samples of a binary level on the clips {@code keep} accepts (by clip id). */
    Binary binary(String level, Predicate<String> keep) {
        boolean frame = level.endsWith("_frame") && steps != null && pairs(steps, "_prob").contains(level.substring(0, level.length() - 6));
        CsvTable t = frame ? steps : clips;
        String prefix = frame ? level.substring(0, level.length() - 6) : level;
        if (t == null || !t.has(prefix + "_true") || !t.has(prefix + "_prob")) {
            throw new IllegalArgumentException("no binary level '" + level + "' in the prediction files (levels: " + binaryLevels() + ")");
        }
        int truthColumn = t.column(prefix + "_true");
        int probColumn = t.column(prefix + "_prob");
        int clipColumn = t.column("clip_id");
        List<int[]> kept = new ArrayList<>();
        List<Float> probs = new ArrayList<>();
        for (String[] r : t.rows()) {
            if (r[truthColumn].isEmpty() || (clipColumn >= 0 && !keep.test(r[clipColumn]))) {
                continue;
            }
            kept.add(new int[] {Integer.parseInt(r[truthColumn].strip()) != 0 ? 1 : 0});
            probs.add(Float.parseFloat(r[probColumn].strip()));
        }
        int[] truth = new int[kept.size()];
        float[] prob = new float[kept.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = kept.get(i)[0];
            prob[i] = probs.get(i);
        }
        return new Binary(truth, prob);
    }

    /** The categorical tasks (e.g. {@code emotion}). */
    List<String> categoricalTasks() {
        List<String> out = new ArrayList<>();
        for (String task : pairs(clips, "_pred")) {
            if (!classes(task).isEmpty()) {
                out.add(task);
            }
        }
        return out;
    }

    /** The labelled clips of a categorical task that {@code keep} accepts. */
    Categorical categorical(String task, Predicate<String> keep) {
        List<String> classes = classes(task);
        if (clips == null || classes.isEmpty()) {
            throw new IllegalArgumentException("no categorical task '" + task + "' in clip_predictions.csv (tasks: " + categoricalTasks() + ")");
        }
        List<String> truth = new ArrayList<>();
        List<String> pred = new ArrayList<>();
        for (String[] r : clips.rows()) {
            String y = clips.cell(r, task + "_true");
            if (!y.isEmpty() && keep.test(clips.cell(r, "clip_id"))) {
                truth.add(y);
                pred.add(clips.cell(r, task + "_pred"));
            }
        }
        return new Categorical(classes, truth, pred);
    }

    /** The metrics of every recognised task on the clips {@code keep} accepts, keyed as the tasks key them. */
    Map<String, Double> metrics(Predicate<String> keep) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String level : binaryLevels()) {
            Binary b = binary(level, keep);
            if (b.truth().length == 0) {
                continue;
            }
            int[] pred = new int[b.prob().length];
            for (int i = 0; i < pred.length; i++) {
                pred[i] = b.prob()[i] >= THRESHOLD ? 1 : 0;
            }
            out.put(level + "_macro_f1", Metrics.macroF1(b.truth(), pred, 2));
            double ap = Metrics.averagePrecision(b.truth(), b.prob());
            if (!Double.isNaN(ap)) {
                out.put(level + "_ap", ap);
            }
            out.put(level + "_weighted_f1", Metrics.weightedF1(b.truth(), pred, 2));
            out.put(level + "_accuracy", Metrics.accuracy(b.truth(), pred));
        }
        for (String task : categoricalTasks()) {
            Categorical c = categorical(task, keep);
            if (c.truth().isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>(c.classes());
            int[] truth = indices(c.truth(), names);
            int[] pred = indices(c.predicted(), names);
            out.put(task + "_accuracy", Metrics.accuracy(truth, pred));
            out.put(task + "_macro_f1", Metrics.macroF1(truth, pred, names.size()));
            out.put(task + "_uar", Metrics.unweightedAverageRecall(truth, pred, names.size()));
            out.put(task + "_weighted_f1", Metrics.weightedF1(truth, pred, names.size()));
        }
        return out;
    }

    private static int[] indices(List<String> labels, List<String> names) {
        int[] out = new int[labels.size()];
        for (int i = 0; i < out.length; i++) {
            int k = names.indexOf(labels.get(i));
            if (k < 0) {
                names.add(labels.get(i));
                k = names.size() - 1;
            }
            out[i] = k;
        }
        return out;
    }

    private List<String> classes(String task) {
        List<String> out = new ArrayList<>();
        if (clips == null || !clips.has(task + "_true") || !clips.has(task + "_pred")) {
            return out;
        }
        String prefix = task + "_p_";
        clips.header().stream().filter(h -> h.startsWith(prefix)).forEach(h -> out.add(h.substring(prefix.length())));
        return out;
    }

    /** Column prefixes X with both {@code X_true} and {@code X<suffix>}. */
    private static List<String> pairs(CsvTable t, String suffix) {
        List<String> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        for (String h : t.header()) {
            if (h.endsWith("_true")) {
                String prefix = h.substring(0, h.length() - 5);
                if (t.has(prefix + suffix)) {
                    out.add(prefix);
                }
            }
        }
        return out;
    }
}
