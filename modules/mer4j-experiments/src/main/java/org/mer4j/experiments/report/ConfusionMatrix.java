package org.mer4j.experiments.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of (true class, predicted class) over clips of a categorical task, e.g. emotion from
 * {@code clip_predictions.csv} ({@code emotion_true}, {@code emotion_pred}). Rows are the true
 * classes, columns the predicted ones, both in the task's class order; clips without a true label
 * are left out.
 *
 * @param classes class names in order
 * @param counts {@code counts[true][predicted]}
 */
public record ConfusionMatrix(List<String> classes, long[][] counts) {
    public ConfusionMatrix {
        classes = List.copyOf(classes);
    }

    /**
     * Counts the pairs; a class name that is not in {@code classes} is added after them (so nothing is
     * dropped silently); empty true labels are skipped.
     */
    public static ConfusionMatrix of(List<String> classes, List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(truth.size() + " true labels but " + predicted.size() + " predictions");
        }
        List<String> names = new ArrayList<>(classes);
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i).isEmpty()) {
                continue;
            }
            for (String c : List.of(truth.get(i), predicted.get(i))) {
                if (!names.contains(c)) {
                    names.add(c);
                }
            }
        }
        long[][] counts = new long[names.size()][names.size()];
        for (int i = 0; i < truth.size(); i++) {
            if (!truth.get(i).isEmpty()) {
                counts[names.indexOf(truth.get(i))][names.indexOf(predicted.get(i))]++;
            }
        }
        return new ConfusionMatrix(names, counts);
    }

    /** Clips counted. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Share of clips on the diagonal; NaN when empty. */
    public double accuracy() {
        long diagonal = 0;
        for (int i = 0; i < counts.length; i++) {
            diagonal += counts[i][i];
        }
        long n = total();
        return n == 0 ? Double.NaN : diagonal / (double) n;
    }

    /** Recall of class {@code i} (its diagonal count over its row); NaN when the class never occurs. */
    public double recall(int i) {
        long row = 0;
        for (long v : counts[i]) {
            row += v;
        }
        return row == 0 ? Double.NaN : counts[i][i] / (double) row;
    }

    /** The largest count (for the colour scale). */
    public long max() {
        long m = 0;
        for (long[] row : counts) {
            for (long v : row) {
                m = Math.max(m, v);
            }
        }
        return m;
    }
}
