package org.mer4j.experiments.robustness;

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
import java.util.TreeMap;
import java.util.TreeSet;
import org.mer4j.api.AtomicFiles;
import org.mer4j.experiments.CsvField;
import org.mer4j.experiments.MetricStats;
import org.mer4j.experiments.report.EChartsPage;

/**
 * The robustness experiment's tables and plot, built from the runs' {@code robustness.json} files
 * alone: for each perturbed modality and kind (noise, missing), the metric of every row (mean ± std
 * over folds) at every level. Writes {@code robustness.md}, {@code robustness.csv} and
 * {@code robustness.html} (one ECharts line chart per metric, kind and modality) into the experiment
 * folder.
 */
public final class RobustnessTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One cell: a row's metric with one modality perturbed by one kind at one level. */
    record Key(String modality, String kind, double level) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = modality.compareTo(o.modality);
            c = c != 0 ? c : kind.compareTo(o.kind);
            return c != 0 ? c : Double.compare(level, o.level);
        }
    }

    private RobustnessTable() {
    }

    /**
     * @param rowRuns each row's finished run folders
     * @param metrics the metrics to tabulate
     * @return the number of (row, modality, kind, level) cells written
     */
    public static int write(Path experimentDir, Map<String, List<Path>> rowRuns, List<String> metrics) throws IOException {
        // row -> key -> metric -> values over folds
        Map<String, Map<Key, Map<String, List<Double>>>> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<Path>> row : rowRuns.entrySet()) {
            Map<Key, Map<String, List<Double>>> cells = new TreeMap<>();
            for (Path run : row.getValue()) {
                Path file = run.resolve("robustness.json");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                for (JsonNode r : JSON.readTree(file.toFile())) {
                    Key key = new Key(r.get("modality").asText(), r.get("kind").asText(), r.get("level").asDouble());
                    for (String m : metrics) {
                        JsonNode v = r.get("metrics").get(m);
                        if (v != null && v.isNumber()) {
                            cells.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(m, k -> new ArrayList<>()).add(v.asDouble());
                        }
                    }
                }
            }
            values.put(row.getKey(), cells);
        }
        TreeSet<Key> keys = new TreeSet<>();
        values.values().forEach(c -> keys.addAll(c.keySet()));
        if (keys.isEmpty()) {
            return 0;
        }
        StringBuilder md = new StringBuilder("# Robustness: metric as one modality is perturbed\n\n")
                .append("Mean ± std over folds. noise = Gaussian noise of that standard deviation (standardised feature units) on the")
                .append(" modality's valid steps of every test clip; missing = share of test clips without the modality.\n");
        StringBuilder csv = new StringBuilder("row,modality,kind,level,metric,mean,std,n\n");
        EChartsPage page = new EChartsPage("Robustness");
        int cells = 0;
        for (String metric : metrics) {
            for (String[] group : groups(keys)) {
                String modality = group[0];
                String kind = group[1];
                List<Double> levels = keys.stream().filter(k -> k.modality.equals(modality) && k.kind.equals(kind)).map(Key::level).toList();
                md.append("\n## ").append(metric).append(", ").append(modality).append(' ').append(kind).append("\n\n| row |");
                levels.forEach(l -> md.append(' ').append(fmt(l)).append(" |"));
                md.append("\n|---|").append("---|".repeat(levels.size())).append('\n');
                List<Object> series = new ArrayList<>();
                for (Map.Entry<String, Map<Key, Map<String, List<Double>>>> row : values.entrySet()) {
                    List<Object> points = new ArrayList<>();
                    md.append("| ").append(row.getKey()).append(" |");
                    boolean any = false;
                    for (double level : levels) {
                        Map<String, List<Double>> cell = row.getValue().get(new Key(modality, kind, level));
                        List<Double> v = cell == null ? null : cell.get(metric);
                        if (v == null || v.isEmpty()) {
                            md.append(" – |");
                            continue;
                        }
                        MetricStats s = MetricStats.of(v);
                        md.append(String.format(Locale.ROOT, " %.4f ± %.4f |", s.mean(), s.std()));
                        csv.append(CsvField.of(row.getKey())).append(',').append(modality).append(',').append(kind).append(',').append(fmt(level))
                                .append(',').append(metric).append(String.format(Locale.ROOT, ",%.6f,%.6f,%d%n", s.mean(), s.std(), s.n()));
                        points.add(List.of(level, s.mean()));
                        any = true;
                        cells++;
                    }
                    md.append('\n');
                    if (any) {
                        series.add(Map.of("name", row.getKey(), "type", "line", "data", points));
                    }
                }
                page.chart(Map.of(
                        "title", Map.of("text", metric + " — " + modality + " " + kind),
                        "tooltip", Map.of("trigger", "axis"),
                        "legend", Map.of("top", 28),
                        "grid", Map.of("top", 80),
                        "xAxis", Map.of("type", "value", "name", kind.equals(RobustnessProbe.NOISE) ? "noise std" : "missing share"),
                        "yAxis", Map.of("type", "value", "name", metric, "scale", true),
                        "series", series));
            }
        }
        page.pre(md.toString());
        AtomicFiles.writeString(experimentDir.resolve("robustness.md"), md.toString());
        AtomicFiles.writeString(experimentDir.resolve("robustness.csv"), csv.toString());
        AtomicFiles.writeString(experimentDir.resolve("robustness.html"), page.html());
        return cells;
    }

    private static List<String[]> groups(TreeSet<Key> keys) {
        List<String[]> out = new ArrayList<>();
        for (Key k : keys) {
            if (out.isEmpty() || !out.get(out.size() - 1)[0].equals(k.modality) || !out.get(out.size() - 1)[1].equals(k.kind)) {
                out.add(new String[] {k.modality, k.kind});
            }
        }
        return out;
    }

    private static String fmt(double level) {
        return String.format(Locale.ROOT, "%.2f", level);
    }
}
