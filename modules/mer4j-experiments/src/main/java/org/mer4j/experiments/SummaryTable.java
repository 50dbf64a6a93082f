package org.mer4j.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mer4j.api.AtomicFiles;

/**
 * Builds {@code summary.json} and {@code table.md} from run folders only: each row's metrics are
 * read back from its runs' {@code metrics.json}, so every cell traces to folders on disk.
 * summary.json: {@code {"experiment", "rows": [{"name", "modalities", "metrics": {key: {mean, std, n}}, "runs"}]}}.
 */
public final class SummaryTable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A row of the summary. */
    public record Row(String name, List<String> modalities, Map<String, MetricStats> metrics, List<String> runs) {
    }

    /**
     * The whole summary.
     *
     * @param experiment experiment name
     * @param rows one per table row
     * @param failedRuns runs that could not finish (e.g. diverged training), one line each; their folds are missing from the rows
     */
    public record Summary(String experiment, List<Row> rows, List<String> failedRuns) {
    }

    private SummaryTable() {
    }

    /** Aggregates the given run folders per row (run folders are relative to the experiment folder). */
    public static Summary build(String experiment, Path experimentDir, Map<String, List<String>> rowModalities,
                                Map<String, List<Path>> rowRuns, List<String> metricKeys, List<String> failedRuns) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : rowRuns.entrySet()) {
            Map<String, List<Double>> values = new LinkedHashMap<>();
            List<String> runNames = new ArrayList<>();
            for (Path run : e.getValue()) {
                JsonNode m = JSON.readTree(run.resolve("metrics.json").toFile()).get("metrics");
                for (String k : metricKeys) {
                    JsonNode v = m.get(k);
                    if (v != null && v.isNumber()) {
                        values.computeIfAbsent(k, x -> new ArrayList<>()).add(v.asDouble());
                    }
                }
                runNames.add(experimentDir.relativize(run).toString());
            }
            Map<String, MetricStats> stats = new LinkedHashMap<>();
            values.forEach((k, v) -> stats.put(k, MetricStats.of(v)));
            rows.add(new Row(e.getKey(), rowModalities.get(e.getKey()), stats, runNames));
        }
        return new Summary(experiment, rows, List.copyOf(failedRuns));
    }

    /** Writes summary.json and table.md into the experiment folder, atomically. */
    public static void write(Summary s, Path experimentDir, List<String> metricKeys, String foldsNote) throws IOException {
        AtomicFiles.write(experimentDir.resolve("summary.json"), JSON.writeValueAsBytes(s));
        AtomicFiles.writeString(experimentDir.resolve("table.md"), markdown(s, metricKeys, foldsNote));
    }

    /**
     * The table as Markdown: one line per row, cells "mean ± std" over folds. A metric no row has a
     * value for (it does not apply to the corpus) gets no column.
     */
    public static String markdown(Summary s, List<String> requestedKeys, String foldsNote) {
        List<String> metricKeys = requestedKeys.stream()
                .filter(k -> s.rows().stream().anyMatch(r -> r.metrics().containsKey(k))).toList();
        StringBuilder sb = new StringBuilder("# " + s.experiment() + "\n\n| row | modalities |");
        metricKeys.forEach(k -> sb.append(' ').append(k).append(" |"));
        sb.append("\n|---|---|");
        metricKeys.forEach(k -> sb.append("---|"));
        sb.append('\n');
        for (Row r : s.rows()) {
            sb.append("| ").append(r.name()).append(" | ").append(String.join("+", r.modalities())).append(" |");
            for (String k : metricKeys) {
                MetricStats m = r.metrics().get(k);
                sb.append(' ').append(m == null ? "–" : String.format(Locale.ROOT, "%.4f ± %.4f", m.mean(), m.std())).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nmean ± sample std over ").append(foldsNote).append("; run folders listed in summary.json.\n");
        if (!s.failedRuns().isEmpty()) {
            sb.append("\n").append(s.failedRuns().size()).append(" run(s) failed and are missing from their rows (see failedRuns in summary.json).\n");
        }
        return sb.toString();
    }
}
