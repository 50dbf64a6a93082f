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
import org.mer4j.experiments.stats.PairedSignFlipTest;
import org.mer4j.experiments.stats.RunStatistics;
import org.mer4j.experiments.MetricStats;

/**
 * Rebuilds a {@link TableSpec} from run folders only: for each row, the experiment's
 * {@code summary.json} names the row's run folders (it is only an index), and every number is read
 * from those folders' own {@code metrics.json}, mean ± sample std over the runs, the exact paired
 * sign-flip test against the spec's reference row over matched (fold, seed) runs (marks * / **) and
 * the 95% bootstrap interval over test subjects ({@link RunStatistics}, as in an experiment's own
 * {@code table.md}). Rows, experiments or
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
        List<List<RunStatistics.Run>> rowRuns = new ArrayList<>();
        for (TableSpec.RowRef row : spec.rows()) {
            List<RunStatistics.Run> runs = new ArrayList<>();
            rowRuns.add(runs);
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
                    JsonNode all = JSON.readTree(metrics.toFile());
                    runs.add(RunStatistics.Run.of(all));
                    JsonNode m = all.get("metrics");
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
        int refIndex = 0;
        for (int i = 0; i < spec.rows().size(); i++) {
            refIndex = spec.rows().get(i).label().equals(spec.reference()) ? i : refIndex;
        }
        List<Map<String, Double>> pValues = new ArrayList<>();
        List<Map<String, double[]>> intervals = new ArrayList<>();
        for (int i = 0; i < spec.rows().size(); i++) {
            Map<String, Double> p = new LinkedHashMap<>();
            Map<String, double[]> ci = new LinkedHashMap<>();
            for (TableSpec.Column c : spec.columns()) {
                Double pv = i == refIndex ? null : RunStatistics.pairedP(rowRuns.get(i), rowRuns.get(refIndex), c.metric());
                if (pv != null) {
                    p.put(c.metric(), pv);
                }
                double[] interval = RunStatistics.subjectInterval(rowRuns.get(i), c.metric());
                if (interval != null) {
                    ci.put(c.metric(), interval);
                }
            }
            pValues.add(p);
            intervals.add(ci);
        }
        Stats all = new Stats(cells, pValues, intervals);
        int filled = cells.stream().mapToInt(Map::size).sum();
        AtomicFiles.writeString(specDir.resolve("table.md"), markdown(spec, all, missing));
        AtomicFiles.writeString(specDir.resolve("table.csv"), csv(spec, all));
        AtomicFiles.writeString(specDir.resolve("table.tex"), latex(spec, all));
        return new Result(filled, List.copyOf(missing), List.copyOf(sources));
    }

    private static JsonNode readSummary(Path file) {
        try {
            return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
        } catch (IOException e) {
            throw new IllegalStateException(file + ": unreadable (" + e.getMessage() + "); rerun the experiment to rewrite it", e);
        }
    }

    /** Per row: the cells, the p-values against the reference and the bootstrap intervals, by metric. */
    private record Stats(List<Map<String, MetricStats>> cells, List<Map<String, Double>> p, List<Map<String, double[]>> ci) {
        String mark(int row, String metric) {
            Double pv = p.get(row).get(metric);
            return pv == null ? "" : PairedSignFlipTest.mark(pv);
        }
    }

    private static String cell(MetricStats s) {
        return s == null ? "–" : String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.std());
    }

    private static String markdown(TableSpec spec, Stats st, List<String> missing) {
        List<Map<String, MetricStats>> cells = st.cells();
        StringBuilder sb = new StringBuilder("# " + spec.title() + "\n\n| row |");
        spec.columns().forEach(c -> sb.append(' ').append(c.label()).append(" |"));
        sb.append("\n|---|").append("---|".repeat(spec.columns().size())).append('\n');
        for (int i = 0; i < spec.rows().size(); i++) {
            sb.append("| ").append(spec.rows().get(i).label()).append(" |");
            for (TableSpec.Column c : spec.columns()) {
                sb.append(' ').append(cell(cells.get(i).get(c.metric()))).append(st.mark(i, c.metric())).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nmean ± sample std over each row's runs, read from their metrics.json");
        if (spec.note() != null) {
            sb.append("; ").append(spec.note());
        }
        sb.append("; * / ** : p < 0.05 / 0.01, exact paired sign-flip test against '").append(spec.reference())
                .append("' over the matched (fold, seed) runs.\n");
        sb.append("\n95% bootstrap intervals over test subjects (each subject's metric averaged over its runs; 2,000 resamples):\n\n| row |");
        spec.columns().forEach(c -> sb.append(' ').append(c.label()).append(" |"));
        sb.append("\n|---|").append("---|".repeat(spec.columns().size())).append('\n');
        for (int i = 0; i < spec.rows().size(); i++) {
            sb.append("| ").append(spec.rows().get(i).label()).append(" |");
            for (TableSpec.Column c : spec.columns()) {
                double[] ci = st.ci().get(i).get(c.metric());
                sb.append(' ').append(ci == null ? "–" : String.format(Locale.ROOT, "[%.4f, %.4f]", ci[0], ci[1])).append(" |");
            }
            sb.append('\n');
        }
        if (!missing.isEmpty()) {
            sb.append("\nMissing:\n");
            missing.forEach(m -> sb.append("- ").append(m).append('\n'));
        }
        return sb.toString();
    }

    private static String csv(TableSpec spec, Stats st) {
        List<Map<String, MetricStats>> cells = st.cells();
        StringBuilder sb = new StringBuilder("row,metric,mean,std,n,ci95_low,ci95_high,p_vs_reference\n");
        for (int i = 0; i < spec.rows().size(); i++) {
            for (TableSpec.Column c : spec.columns()) {
                MetricStats s = cells.get(i).get(c.metric());
                if (s != null) {
                    sb.append(CsvField.of(spec.rows().get(i).label())).append(',').append(c.metric())
                            .append(String.format(Locale.ROOT, ",%.6f,%.6f,%d", s.mean(), s.std(), s.n()));
                    double[] ci = st.ci().get(i).get(c.metric());
                    Double p = st.p().get(i).get(c.metric());
                    sb.append(ci == null ? ",," : String.format(Locale.ROOT, ",%.6f,%.6f", ci[0], ci[1]))
                            .append(p == null ? "," : String.format(Locale.ROOT, ",%.6f", p)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String latex(TableSpec spec, Stats st) {
        List<Map<String, MetricStats>> cells = st.cells();
        StringBuilder sb = new StringBuilder("% ").append(tex(spec.title())).append(" (generated by tools/mer4j table)\n")
                .append("\\begin{tabular}{l").append("c".repeat(spec.columns().size())).append("}\n\\hline\nRow");
        spec.columns().forEach(c -> sb.append(" & ").append(tex(c.label())));
        sb.append(" \\\\\n\\hline\n");
        for (int i = 0; i < spec.rows().size(); i++) {
            sb.append(tex(spec.rows().get(i).label()));
            for (TableSpec.Column c : spec.columns()) {
                MetricStats s = cells.get(i).get(c.metric());
                String mark = st.mark(i, c.metric());
                sb.append(" & ").append(s == null ? "--" : String.format(Locale.ROOT, "%.4f $\\pm$ %.4f", s.mean(), s.std()))
                        .append(mark.isEmpty() ? "" : "$^{" + mark + "}$");
            }
            sb.append(" \\\\\n");
        }
        return sb.append("\\hline\n\\end{tabular}\n").toString();
    }

    private static String tex(String s) {
        return s.replace("\\", "\\textbackslash{}").replace("&", "\\&").replace("%", "\\%").replace("_", "\\_").replace("#", "\\#");
    }
}
