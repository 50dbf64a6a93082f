package org.mer4j.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The precision-recall curve of the positive class (class 1 = the event: A/H, inconsistency) as the
 * BAH benchmark (Belharbi et al. 2025) traces it for its AP: precision and recall at the 1,000
 * thresholds {@code linspace(0, 1, 1000)} (a sample is positive when its probability is at least the
 * threshold), from the highest threshold to the lowest after the start point (recall 0, precision 1);
 * precision with no predicted positive is 1. The area under these points by the trapezoid rule is the
 * AP: {@link Metrics#averagePrecision} is this curve's {@link #ap()}, so the curve a report draws and
 * the number in the table are the same measurement. Consecutive repeated points are dropped (they add no area).
 *
 * @param recall recall of each point, non-decreasing
 * @param precision precision of each point
 * @param threshold the probability threshold of each point (the start point has threshold +inf, stored as 1.0)
 * @param ap the area under the points
 * @param positives samples of class 1
 * @param samples samples in all
 */
public record PrecisionRecallCurve(double[] recall, double[] precision, double[] threshold, double ap, int positives, int samples) {
    /** Thresholds of the curve, as in the BAH code. */
    public static final int THRESHOLDS = 1000;

    /** The curve of {@code prob} against {@code truth} (nonzero = positive); null when no sample is positive. */
    public static PrecisionRecallCurve of(int[] truth, float[] prob) {
        if (truth.length != prob.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + prob.length + " probabilities");
        }
        int n = truth.length;
        int positives = 0;
        for (int y : truth) {
            positives += y != 0 ? 1 : 0;
        }
        if (positives == 0) {
            return null;
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
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 1, 1});
        double area = 0;
        for (int k = THRESHOLDS - 1; k >= 0; k--) {
            double threshold = k / (double) (THRESHOLDS - 1);
            int first = firstAtLeast(sorted, threshold);
            long predicted = n - first;
            long tp = positivesFrom[first];
            double recall = tp / (double) positives;
            double precision = predicted == 0 ? 1.0 : tp / (double) predicted;
            double[] last = points.get(points.size() - 1);
            area += (recall - last[0]) * (precision + last[1]) / 2;
            if (recall != last[0] || precision != last[1]) {
                points.add(new double[] {recall, precision, threshold});
            }
        }
        double[] r = new double[points.size()];
        double[] p = new double[points.size()];
        double[] t = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            r[i] = points.get(i)[0];
            p[i] = points.get(i)[1];
            t[i] = points.get(i)[2];
        }
        return new PrecisionRecallCurve(r, p, t, area, positives, n);
    }

    /** Share of positive samples: the precision of a classifier that calls everything positive. */
    public double prevalence() {
        return positives / (double) samples;
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
}
