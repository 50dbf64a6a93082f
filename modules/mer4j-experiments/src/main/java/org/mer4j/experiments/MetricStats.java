package org.mer4j.experiments;

import java.util.List;

/**
 * Mean, sample standard deviation (n - 1; 0 when n = 1) and count of one metric over runs.
 *
 * @param mean mean over runs
 * @param std sample standard deviation
 * @param n number of runs
 */
public record MetricStats(double mean, double std, int n) {
    public static MetricStats of(List<Double> values) {
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new MetricStats(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0, n);
    }
}
