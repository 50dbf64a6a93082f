package org.mer4j.train;


/**
 * The evaluation measures the built-in tasks report, in pure Java.
 *
 * <ul>
 *   <li>{@link #averagePrecision}: average precision of class 1 as in the BAH benchmark (Belharbi et
 *       al. 2025): precision and recall at the 1,000 thresholds {@code linspace(0, 1, 1000)} (a sample
 *       is positive when its probability is at least the threshold), traced from the highest threshold
 *       to the lowest after the start point (recall 0, precision 1); the area by the trapezoid rule
 *       over recall. Precision with no predicted positive is 1. NaN when no sample is positive.</li>
 *   <li>{@link #macroF1}: as scikit-learn's {@code f1_score(average="macro")}, averaged over the
 *       classes that occur in the truth or in the predictions (BAH's AVGF1 for two classes).</li>
 *   <li>{@link #weightedF1}, {@link #unweightedAverageRecall}, {@link #accuracy}.</li>
 *   <li>{@link #concordance} (Lin's CCC), {@link #pearson}, {@link #rmse} for continuous labels
 *       (AVEC / OMG-Empathy conventions: population variances, no bias correction).</li>
 * </ul>
 */
public final class Metrics {

    private Metrics() {
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
        PrecisionRecallCurve curve = PrecisionRecallCurve.of(truth, prob);
        return curve == null ? Double.NaN : curve.ap();
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

    /** Lin's concordance correlation coefficient {@code 2 cov / (var_p + var_t + (mean_p - mean_t)^2)}; NaN when empty. */
    public static double concordance(double[] pred, double[] truth) {
        if (pred.length == 0) {
            return Double.NaN;
        }
        Moments m = Moments.of(pred, truth);
        int n = pred.length;
        double denominator = m.varP() / n + m.varT() / n + (m.meanP() - m.meanT()) * (m.meanP() - m.meanT());
        return denominator == 0 ? (m.meanP() == m.meanT() ? 1 : 0) : 2 * m.cov() / n / denominator;
    }

    /** Pearson's correlation; NaN when either side is constant or empty. */
    public static double pearson(double[] pred, double[] truth) {
        Moments m = Moments.of(pred, truth);
        return m.varP() == 0 || m.varT() == 0 ? Double.NaN : m.cov() / Math.sqrt(m.varP() * m.varT());
    }

    /** Means and sums of squared deviations and of cross products of two series. */
    private record Moments(double meanP, double meanT, double varP, double varT, double cov) {
        static Moments of(double[] pred, double[] truth) {
            double mp = mean(pred);
            double mt = mean(truth);
            double vp = 0;
            double vt = 0;
            double cov = 0;
            for (int i = 0; i < pred.length; i++) {
                vp += (pred[i] - mp) * (pred[i] - mp);
                vt += (truth[i] - mt) * (truth[i] - mt);
                cov += (pred[i] - mp) * (truth[i] - mt);
            }
            return new Moments(mp, mt, vp, vt, cov);
        }
    }

    /** Root mean squared error; NaN when empty. */
    public static double rmse(double[] pred, double[] truth) {
        if (pred.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < pred.length; i++) {
            sum += (pred[i] - truth[i]) * (pred[i] - truth[i]);
        }
        return Math.sqrt(sum / pred.length);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
