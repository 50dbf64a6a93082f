package org.mer4j.experiments.stats;

import java.util.SplittableRandom;

/**
 * Two-sided paired permutation (sign-flip) test of a mean difference: under the null hypothesis the
 * sign of each paired difference is exchangeable, so the p-value is the share of the 2^n sign
 * assignments whose |mean| is at least the observed one (exact up to n = 20, else 100,000 seeded
 * random assignments with the +1 correction). Makes no normality assumption, which suits the few
 * folds × seeds of an experiment; with n pairs the smallest attainable p is 2 / 2^n (n = 3: 0.25), so
 * a significance mark needs at least 6 pairs (p = 0.03125). See Good (2005), "Permutation,
 * Parametric, and Bootstrap Tests of Hypotheses", Springer, ch. 3.
 */
public final class PairedSignFlipTest {
    private static final int EXACT_UP_TO = 20;
    private static final int RANDOM_ASSIGNMENTS = 100_000;

    private PairedSignFlipTest() {
    }

    /** The p-value for paired samples {@code a} and {@code b} (same length >= 1); 1 when every difference is 0. */
    public static double pValue(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("paired samples need the same, non-zero length, got " + a.length + " and " + b.length);
        }
        int n = a.length;
        double[] d = new double[n];
        double observed = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
            observed += d[i];
        }
        observed = Math.abs(observed) - 1e-12 * n;
        if (n <= EXACT_UP_TO) {
            long count = 0;
            long total = 1L << n;
            for (long signs = 0; signs < total; signs++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += ((signs >> i) & 1) == 0 ? d[i] : -d[i];
                }
                if (Math.abs(sum) >= observed) {
                    count++;
                }
            }
            return count / (double) total;
        }
        SplittableRandom random = new SplittableRandom(1);
        long count = 0;
        for (int r = 0; r < RANDOM_ASSIGNMENTS; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += random.nextBoolean() ? d[i] : -d[i];
            }
            if (Math.abs(sum) >= observed) {
                count++;
            }
        }
        return (count + 1) / (double) (RANDOM_ASSIGNMENTS + 1);
    }

    /** {@code **} for p < 0.01, {@code *} for p < 0.05, else empty. */
    public static String mark(double p) {
        return p < 0.01 ? "**" : p < 0.05 ? "*" : "";
    }
}
