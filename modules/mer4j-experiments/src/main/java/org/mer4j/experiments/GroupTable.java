package org.mer4j.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.mer4j.api.AtomicFiles;

/**
 * The metrics per group of test clips ({@code report.groupBy: [key]}), from the runs'
 * {@code metrics.json} alone: for each metric, every row against every value of the metadata key
 * (e.g. the conflict subsets, or gender), mean ± std over folds with the number of folds that had
 * clips of the group. Writes {@code table-by-<key>.md} and {@code table-by-<key>.csv}.
 */
final class GroupTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GroupTable() {
    }

    static void write(Path experimentDir, String key, Map<String, List<Path>> rowRuns, List<String> metrics) throws IOException {
        String prefix = key + "=";
        // row -> group value -> metric -> values over folds
        Map<String, Map<String, Map<String, List<Double>>>> values = new LinkedHashMap<>();
        TreeSet<String> groups = new TreeSet<>();
        for (Map.Entry<String, List<Path>> row : rowRuns.entrySet()) {
            Map<String, Map<String, List<Double>>> byGroup = new LinkedHashMap<>();
            for (Path run : row.getValue()) {
                JsonNode all = JSON.readTree(run.resolve("metrics.json").toFile()).get("groups");
                if (all == null) {
                    continue;
                }
                all.fields().forEachRemaining(g -> {
                    if (!g.getKey().startsWith(prefix)) {
                        return;
                    }
                    String value = g.getKey().substring(prefix.length());
                    groups.add(value);
                    for (String m : metrics) {
                        JsonNode v = g.getValue().get(m);
                        if (v != null && v.isNumber() && Double.isFinite(v.asDouble())) {
                            byGroup.computeIfAbsent(value, k -> new LinkedHashMap<>()).computeIfAbsent(m, k -> new ArrayList<>()).add(v.asDouble());
                        }
                    }
                });
            }
            values.put(row.getKey(), byGroup);
        }
        StringBuilder md = new StringBuilder("# Metrics by " + key + "\n\nTest clips grouped by the manifest metadata '" + key
                + "'; mean ± std over folds (n = folds with clips of the group).\n");
        StringBuilder csv = new StringBuilder("row," + "group,metric,mean,std,n\n");
        for (String metric : metrics) {
            boolean any = values.values().stream().anyMatch(g -> g.values().stream().anyMatch(m -> m.containsKey(metric)));
            if (!any) {
                continue;
            }
            md.append("\n## ").append(metric).append("\n\n| row |");
            groups.forEach(g -> md.append(' ').append(g).append(" |"));
            md.append("\n|---|").append("---|".repeat(groups.size())).append('\n');
            for (Map.Entry<String, Map<String, Map<String, List<Double>>>> row : values.entrySet()) {
                md.append("| ").append(row.getKey()).append(" |");
                for (String g : groups) {
                    List<Double> v = row.getValue().getOrDefault(g, Map.of()).get(metric);
                    if (v == null || v.isEmpty()) {
                        md.append(" – |");
                        continue;
                    }
                    MetricStats s = MetricStats.of(v);
                    md.append(String.format(Locale.ROOT, " %.4f ± %.4f (n=%d) |", s.mean(), s.std(), s.n()));
                    csv.append(CsvField.of(row.getKey())).append(',').append(CsvField.of(g)).append(',').append(metric)
                            .append(String.format(Locale.ROOT, ",%.6f,%.6f,%d%n", s.mean(), s.std(), s.n()));
                }
                md.append('\n');
            }
        }
        AtomicFiles.writeString(experimentDir.resolve("table-by-" + key + ".md"), md.toString());
        AtomicFiles.writeString(experimentDir.resolve("table-by-" + key + ".csv"), csv.toString());
    }
}
