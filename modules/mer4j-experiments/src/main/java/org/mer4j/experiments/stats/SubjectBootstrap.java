package org.mer4j.experiments.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence interval of a mean over test subjects (Efron and Tibshirani 1993,
 * "An Introduction to the Bootstrap", ch. 13): subjects are resampled with replacement, so the
 * interval reflects how much the result depends on which people were tested. Seeded: the same values
 * give the same interval.
 */
public final class SubjectBootstrap {
    private static final int RESAMPLES = 2000;

    private SubjectBootstrap() {
    }

    /** The interval {@code [lo, hi]} of the mean of {@code values} at {@code level} (e.g. 0.95); null with fewer than 2 values. */
    public static double[] meanInterval(double[] values, double level) {
        if (values.length < 2) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(values.length);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[r] = sum / values.length;
        }
        Arrays.sort(means);
        double tail = (1 - level) / 2;
        return new double[] {means[(int) Math.floor(tail * (RESAMPLES - 1))], means[(int) Math.ceil((1 - tail) * (RESAMPLES - 1))]};
    }
}
