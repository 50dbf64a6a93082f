package org.mer4j.experiments.tables;

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
import org.mer4j.api.AtomicFiles;
import org.mer4j.experiments.CsvField;
import org.mer4j.experiments.MetricStats;

/**
 * Rebuilds a {@link TableSpec} from run folders only: for each row, the experiment's
 * {@code summary.json} names the row's run folders (it is only an index), and every number is read
 * from those folders' own {@code metrics.json}, mean ± sample std over the runs. Rows, experiments or
 * run folders that are not on disk are reported as missing and shown as "–". Writes Markdown, CSV and
 * LaTeX ({@code table.md}, {@code table.csv}, {@code table.tex}) beside the spec.
 */
public final class TableBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was built: the cells' sources and what is missing. */
    public record Result(int cells, List<String> missing, List<String> runFolders) {
    }

    private TableBuilder() {
    }

    /**
     * @param specDir the folder holding {@code table.yaml}; the outputs go there
     * @param runsDir the runs folder (experiments are its subfolders)
     */
    public static Result build(Path specDir, Path runsDir) throws IOException {
        TableSpec spec = TableSpec.read(specDir.resolve("table.yaml"));
        List<String> missing = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Map<String, JsonNode> summaries = new LinkedHashMap<>();
        List<Map<String, MetricStats>> cells = new ArrayList<>();
        for (TableSpec.RowRef row : spec.rows()) {
            String exp = spec.experimentOf(row);
            JsonNode summary = summaries.computeIfAbsent(exp, e -> readSummary(runsDir.resolve(e).resolve("summary.json")));
            Map<String, List<Double>> values = new LinkedHashMap<>();
            JsonNode found = null;
            if (summary == null) {
                missing.add(row.label() + ": experiment '" + exp + "' has no " + runsDir.resolve(exp).resolve("summary.json")
                        + " (run its config first)");
            } else {
                for (JsonNode r : summary.get("rows")) {
                    if (r.get("name").asText().equals(row.row())) {
                        found = r;
                    }
                }
                if (found == null) {
                    missing.add(row.label() + ": experiment '" + exp + "' has no row '" + row.row() + "'");
                }
            }
            if (found != null) {
                for (JsonNode run : found.get("runs")) {
                    Path metrics = runsDir.resolve(exp).resolve(run.asText()).resolve("metrics.json");
                    if (!Files.isRegularFile(metrics)) {
                        missing.add(row.label() + ": run folder " + metrics.getParent() + " is missing");
                        continue;
                    }
                    sources.add(runsDir.relativize(metrics.getParent()).toString());
                    JsonNode m = JSON.readTree(metrics.toFile()).get("metrics");
                    for (TableSpec.Column c : spec.columns()) {
                        JsonNode v = m.get(c.metric());
                        if (v != null && v.isNumber() && Double.isFinite(v.asDouble())) {
                            values.computeIfAbsent(c.metric(), k -> new ArrayList<>()).add(v.asDouble());
                        }
                    }
                }
            }
            Map<String, MetricStats> stats = new LinkedHashMap<>();
            values.forEach((k, v) -> stats.put(k, MetricStats.of(v)));
            cells.add(stats);
        }
        int filled = cells.stream().mapToInt(Map::size).sum();
        AtomicFiles.writeString(specDir.resolve("table.md"), markdown(spec, cells, missing));
        AtomicFiles.writeString(specDir.resolve("table.csv"), csv(spec, cells));
        AtomicFiles.writeString(specDir.resolve("table.tex"), latex(spec, cells));
        return new Result(filled, List.copyOf(missing), List.copyOf(sources));
    }

    private static JsonNode readSummary(Path file) {
        try {
            return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
        } catch (IOException e) {
            throw new IllegalStateException(file + ": unreadable (" + e.getMessage() + "); rerun the experiment to rewrite it", e);
        }
    }

    private static String cell(MetricStats s) {
        return s == null ? "–" : String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.std());
    }

    private static String markdown(TableSpec spec, List<Map<String, MetricStats>> cells, List<String> missing) {
        StringBuilder sb = new StringBuilder("# " + spec.title() + "\n\n| row |");
        spec.columns().forEach(c -> sb.append(' ').append(c.label()).append(" |"));
        sb.append("\n|---|").append("---|".repeat(spec.columns().size())).append('\n');
        for (int i = 0; i < spec.rows().size(); i++) {
            sb.append("| ").append(spec.rows().get(i).label()).append(" |");
            for (TableSpec.Column c : spec.columns()) {
                sb.append(' ').append(cell(cells.get(i).get(c.metric()))).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nmean ± sample std over each row's runs, read from their metrics.json");
        if (spec.note() != null) {
            sb.append("; ").append(spec.note());
        }
        sb.append(".\n");
        if (!missing.isEmpty()) {
            sb.append("\nMissing:\n");
            missing.forEach(m -> sb.append("- ").append(m).append('\n'));
        }
        return sb.toString();
    }

    private static String csv(TableSpec spec, List<Map<String, MetricStats>> cells) {
        StringBuilder sb = new StringBuilder("row,metric,mean,std,n\n");
        for (int i = 0; i < spec.rows().size(); i++) {
            for (TableSpec.Column c : spec.columns()) {
                MetricStats s = cells.get(i).get(c.metric());
                if (s != null) {
                    sb.append(CsvField.of(spec.rows().get(i).label())).append(',').append(c.metric())
                            .append(String.format(Locale.ROOT, ",%.6f,%.6f,%d%n", s.mean(), s.std(), s.n()));
                }
            }
        }
        return sb.toString();
    }

    private static String latex(TableSpec spec, List<Map<String, MetricStats>> cells) {
        StringBuilder sb = new StringBuilder("% ").append(tex(spec.title())).append(" (generated by tools/mer4j table)\n")
                .append("\\begin{tabular}{l").append("c".repeat(spec.columns().size())).append("}\n\\hline\nRow");
        spec.columns().forEach(c -> sb.append(" & ").append(tex(c.label())));
        sb.append(" \\\\\n\\hline\n");
        for (int i = 0; i < spec.rows().size(); i++) {
            sb.append(tex(spec.rows().get(i).label()));
            for (TableSpec.Column c : spec.columns()) {
                MetricStats s = cells.get(i).get(c.metric());
                sb.append(" & ").append(s == null ? "--" : String.format(Locale.ROOT, "%.4f $\\pm$ %.4f", s.mean(), s.std()));
            }
            sb.append(" \\\\\n");
        }
        return sb.append("\\hline\n\\end{tabular}\n").toString();
    }

    private static String tex(String s) {
        return s.replace("\\", "\\textbackslash{}").replace("&", "\\&").replace("%", "\\%").replace("_", "\\_").replace("#", "\\#");
    }
}
