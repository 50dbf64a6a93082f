package org.mer4j.experiments.stats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics a table row gets from its runs' {@code metrics.json} ({@code metrics}, {@code
 * subjects}, {@code fold}, {@code seed}): the 95% bootstrap interval over test subjects and the
 * paired sign-flip test against a reference row over the (fold, seed) runs both rows have. The
 * experiment summary ({@code table.md}) and the table specs ({@code tools/mer4j table}) both use it,
 * so their marks and intervals are the same numbers.
 */
public final class RunStatistics {
    private RunStatistics() {
    }

    /** One run as its {@code metrics.json} describes it. */
    public record Run(String pairKey, JsonNode metrics, JsonNode subjects) {
        /** A run from its {@code metrics.json} root (pair key = fold and seed). */
        public static Run of(JsonNode metricsJson) {
            return new Run(metricsJson.path("fold").asText() + "/" + metricsJson.path("seed").asText(), metricsJson.get("metrics"),
                    metricsJson.get("subjects"));
        }
    }

    /** The 95% bootstrap interval of the subject mean of {@code key} (each subject averaged over the runs that tested it), or null. */
    public static double[] subjectInterval(List<Run> runs, String key) {
        Map<String, List<Double>> bySubject = new TreeMap<>();
        for (Run r : runs) {
            if (r.subjects() != null) {
                r.subjects().fields().forEachRemaining(s -> number(s.getValue(), key, bySubject.computeIfAbsent(s.getKey(), x -> new ArrayList<>())));
            }
        }
        double[] means = bySubject.values().stream().filter(v -> !v.isEmpty())
                .mapToDouble(v -> v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)).toArray();
        return SubjectBootstrap.meanInterval(means, 0.95);
    }

    /** The sign-flip p-value of {@code key} between {@code row} and {@code ref} over their common (fold, seed) runs; null with none. */
    public static Double pairedP(List<Run> row, List<Run> ref, String key) {
        Map<String, Double> refByPair = new TreeMap<>();
        for (Run r : ref) {
            List<Double> v = new ArrayList<>();
            number(r.metrics(), key, v);
            if (!v.isEmpty()) {
                refByPair.put(r.pairKey(), v.get(0));
            }
        }
        List<double[]> pairs = new ArrayList<>();
        for (Run r : row) {
            List<Double> v = new ArrayList<>();
            number(r.metrics(), key, v);
            if (!v.isEmpty() && refByPair.containsKey(r.pairKey())) {
                pairs.add(new double[] {v.get(0), refByPair.get(r.pairKey())});
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        return PairedSignFlipTest.pValue(pairs.stream().mapToDouble(x -> x[0]).toArray(), pairs.stream().mapToDouble(x -> x[1]).toArray());
    }

    /** Adds {@code node[key]} to {@code into} when it is a finite number. */
    public static void number(JsonNode node, String key, List<Double> into) {
        JsonNode v = node == null ? null : node.get(key);
        if (v != null && v.isNumber() && Double.isFinite(v.asDouble())) {
            into.add(v.asDouble());
        }
    }
}
