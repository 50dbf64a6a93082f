package org.mer4j.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Metrics per group of test clips for every row of an experiment: per test subject, or per value of
 * a manifest metadata key such as {@code gender}. Each run's values come from its
 * {@code metrics.json} when the run recorded them ({@code subjects}; {@code groups} with
 * {@code key=value} entries from {@code report.groupBy}), and are otherwise recomputed from its
 * prediction files ({@link RunPredictions#metrics}); a row's value of a group is the mean over the
 * runs that tested clips of the group.
 *
 * @param values row to group value to metric to the values over runs
 * @param recorded runs whose values came from metrics.json
 * @param computed runs whose values were recomputed from prediction files
 */
record GroupBreakdown(Map<String, Map<String, Map<String, List<Double>>>> values, int recorded, int computed) {

    /** Per test subject. */
    static GroupBreakdown subjects(ExperimentRuns runs, Function<Path, RunPredictions> predictions) {
        return build(runs, predictions, run -> {
            JsonNode s = run.metrics().get("subjects");
            return s != null && s.isObject() && !s.isEmpty() ? fields(s, "") : null;
        }, p -> p.subjectOfClip());
    }

    /** Per value of the metadata {@code key}; {@code groupOfClip} maps test clips to their value (from the manifest). */
    static GroupBreakdown byKey(ExperimentRuns runs, String key, Map<String, String> groupOfClip, Function<Path, RunPredictions> predictions) {
        return build(runs, predictions, run -> {
            JsonNode g = run.metrics().get("groups");
            Map<String, Map<String, Double>> recorded = g != null && g.isObject() ? fields(g, key + "=") : Map.of();
            return recorded.isEmpty() ? null : recorded;
        }, p -> groupOfClip);
    }

    /** The group values over all rows, sorted. */
    List<String> groups() {
        TreeSet<String> out = new TreeSet<>();
        values.values().forEach(g -> out.addAll(g.keySet()));
        return List.copyOf(out);
    }

    /** The mean of a cell, or null when no run had it. */
    Double mean(String row, String group, String metric) {
        List<Double> v = values.getOrDefault(row, Map.of()).getOrDefault(group, Map.of()).get(metric);
        return v == null || v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Runs behind a cell. */
    int count(String row, String group, String metric) {
        List<Double> v = values.getOrDefault(row, Map.of()).getOrDefault(group, Map.of()).get(metric);
        return v == null ? 0 : v.size();
    }

    boolean isEmpty() {
        return values.values().stream().allMatch(Map::isEmpty);
    }

    private interface Recorded {
        Map<String, Map<String, Double>> of(ExperimentRuns.Run run);
    }

    private interface Grouping {
        Map<String, String> of(RunPredictions p);
    }

    private static GroupBreakdown build(ExperimentRuns runs, Function<Path, RunPredictions> predictions, Recorded recorded, Grouping grouping) {
        Map<String, Map<String, Map<String, List<Double>>>> values = new LinkedHashMap<>();
        int fromMetrics = 0;
        int fromPredictions = 0;
        for (Map.Entry<String, List<ExperimentRuns.Run>> row : runs.rows().entrySet()) {
            Map<String, Map<String, List<Double>>> byGroup = new TreeMap<>();
            for (ExperimentRuns.Run run : row.getValue()) {
                Map<String, Map<String, Double>> groups = recorded.of(run);
                if (groups != null) {
                    fromMetrics++;
                } else {
                    RunPredictions p = predictions.apply(run.dir());
                    if (p == null) {
                        continue;
                    }
                    Map<String, String> groupOf = grouping.of(p);
                    Map<String, String> clipSubject = p.subjectOfClip();
                    groups = new TreeMap<>();
                    for (String g : new TreeSet<>(clipSubject.keySet().stream().map(groupOf::get).filter(v -> v != null).toList())) {
                        Map<String, Double> m = p.metrics(clip -> g.equals(groupOf.get(clip)));
                        if (!m.isEmpty()) {
                            groups.put(g, m);
                        }
                    }
                    if (groups.isEmpty()) {
                        continue;
                    }
                    fromPredictions++;
                }
                groups.forEach((g, m) -> m.forEach((k, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        byGroup.computeIfAbsent(g, x -> new LinkedHashMap<>()).computeIfAbsent(k, x -> new ArrayList<>()).add(v);
                    }
                }));
            }
            values.put(row.getKey(), byGroup);
        }
        return new GroupBreakdown(values, fromMetrics, fromPredictions);
    }

    /** The object's fields whose name starts with {@code prefix} (prefix removed), each an object of numbers. */
    private static Map<String, Map<String, Double>> fields(JsonNode node, String prefix) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith(prefix)) {
                return;
            }
            Map<String, Double> m = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(v -> {
                if (v.getValue().isNumber()) {
                    m.put(v.getKey(), v.getValue().asDouble());
                }
            });
            out.put(e.getKey().substring(prefix.length()), m);
        });
        return out;
    }
}
