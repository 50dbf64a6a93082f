package org.mer4j.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mer4j.api.AtomicFiles;
import org.mer4j.experiments.stats.PairedSignFlipTest;
import org.mer4j.experiments.stats.RunStatistics;

/**
 * Builds {@code summary.json} and the tables from run folders only: each row's metrics are read back
 * from its runs' {@code metrics.json}, so every cell traces to folders on disk.
 * <ul>
 *   <li>{@code table.md}: per row, mean ± sample std over all its runs (folds × seeds), marked
 *       {@code *}/{@code **} where an exact paired sign-flip test against the reference row over the
 *       matched (fold, seed) runs gives p < 0.05 / 0.01, and the 95% bootstrap interval over test
 *       subjects of the subject-mean metric (each subject's metric averaged over seeds);</li>
 *   <li>{@code table-by-fold.md}: the metrics of every fold (mean over seeds);
 *       {@code table-by-seed.md} (several seeds): the mean over folds for every seed.</li>
 * </ul>
 * summary.json: {@code {"experiment", "reference", "rows": [{"name", "modalities", "metrics": {key: {mean, std, n}},
 * "ci95": {key: [lo, hi]}, "pVsReference": {key: p}, "runs"}]}}.
 */
public final class SummaryTable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> COST_KEYS = List.of("trainSeconds", "parameters", "peakRssMiB");

    /**
     * A row of the summary.
     *
     * @param ci95 per metric, the 95% bootstrap interval over test subjects (absent with fewer than 2 subjects)
     * @param pVsReference per metric, the paired sign-flip p-value against the reference row (absent for the reference itself)
     * @param cost training cost over the runs: {@code trainSeconds}, {@code parameters}, {@code peakRssMiB}
     *     (measurements of this machine, not part of the reproducible result)
     */
    public record Row(String name, List<String> modalities, Map<String, MetricStats> metrics,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, double[]> ci95,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> pVsReference,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, MetricStats> cost, List<String> runs) {
    }

    /**
     * The whole summary.
     *
     * @param experiment experiment name
     * @param reference the row the others are tested against
     * @param rows one per table row
     * @param failedRuns runs that could not finish (e.g. diverged training), one line each; their folds are missing from the rows
     */
    public record Summary(String experiment, String reference, List<Row> rows, List<String> failedRuns) {
    }

    /** One finished run as read back: its (fold, seed), metrics and per-subject metrics. */
    private record RunMetrics(Path dir, String pairKey, int fold, long seed, JsonNode metrics, JsonNode subjects, JsonNode cost) {
        RunStatistics.Run stat() {
            return new RunStatistics.Run(pairKey, metrics, subjects);
        }
    }

    private static List<RunStatistics.Run> stats(List<RunMetrics> runs) {
        return runs.stream().map(RunMetrics::stat).toList();
    }

    private SummaryTable() {
    }

    /**
     * Aggregates the given run folders per row.
     *
     * @param reference the row to test the others against, or null for the first row
     */
    public static Summary build(String experiment, Path experimentDir, Map<String, List<String>> rowModalities,
                                Map<String, List<Path>> rowRuns, List<String> metricKeys, List<String> failedRuns, String reference)
            throws IOException {
        Map<String, List<RunMetrics>> read = new LinkedHashMap<>();
        for (Map.Entry<String, List<Path>> e : rowRuns.entrySet()) {
            List<RunMetrics> runs = new ArrayList<>();
            for (Path run : e.getValue()) {
                JsonNode all = JSON.readTree(run.resolve("metrics.json").toFile());
                int fold = all.path("fold").asInt();
                long seed = all.path("seed").asLong();
                runs.add(new RunMetrics(run, fold + "/" + seed, fold, seed, all.get("metrics"), all.get("subjects"), all.get("cost")));
            }
            read.put(e.getKey(), runs);
        }
        String ref = reference != null ? reference : rowRuns.keySet().stream().findFirst().orElse(null);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<RunMetrics>> e : read.entrySet()) {
            Map<String, MetricStats> stats = new LinkedHashMap<>();
            Map<String, double[]> ci = new LinkedHashMap<>();
            Map<String, Double> p = new LinkedHashMap<>();
            for (String k : metricKeys) {
                List<Double> values = new ArrayList<>();
                e.getValue().forEach(r -> number(r.metrics(), k, values));
                if (values.isEmpty()) {
                    continue;
                }
                stats.put(k, MetricStats.of(values));
                double[] interval = RunStatistics.subjectInterval(stats(e.getValue()), k);
                if (interval != null) {
                    ci.put(k, interval);
                }
                if (!e.getKey().equals(ref) && read.containsKey(ref)) {
                    Double pv = RunStatistics.pairedP(stats(e.getValue()), stats(read.get(ref)), k);
                    if (pv != null) {
                        p.put(k, pv);
                    }
                }
            }
            Map<String, MetricStats> cost = new LinkedHashMap<>();
            for (String k : COST_KEYS) {
                List<Double> values = new ArrayList<>();
                e.getValue().forEach(r -> number(r.cost(), k, values));
                if (!values.isEmpty()) {
                    cost.put(k, MetricStats.of(values));
                }
            }
            List<String> runNames = e.getValue().stream().map(r -> experimentDir.relativize(r.dir()).toString()).toList();
            rows.add(new Row(e.getKey(), rowModalities.get(e.getKey()), stats, ci, p, cost, runNames));
        }
        return new Summary(experiment, ref, rows, List.copyOf(failedRuns));
    }

    private static void number(JsonNode node, String key, List<Double> into) {
        RunStatistics.number(node, key, into);
    }

    /** Writes summary.json, table.md, table-by-fold.md and (several seeds) table-by-seed.md into the experiment folder, atomically. */
    public static void write(Summary s, Path experimentDir, List<String> metricKeys, String foldsNote) throws IOException {
        AtomicFiles.write(experimentDir.resolve("summary.json"), JSON.writeValueAsBytes(s));
        AtomicFiles.writeString(experimentDir.resolve("table.md"), markdown(s, metricKeys, foldsNote));
        AtomicFiles.writeString(experimentDir.resolve("table-by-fold.md"), breakdown(s, experimentDir, metricKeys, true));
        String bySeed = breakdown(s, experimentDir, metricKeys, false);
        if (bySeed != null) {
            AtomicFiles.writeString(experimentDir.resolve("table-by-seed.md"), bySeed);
        }
    }

    /**
     * The table as Markdown: one line per row, cells "mean ± std" over the runs with the significance
     * mark, then the bootstrap intervals. A metric no row has a value for (it does not apply to the
     * corpus) gets no column.
     */
    public static String markdown(Summary s, List<String> requestedKeys, String foldsNote) {
        List<String> metricKeys = requestedKeys.stream()
                .filter(k -> s.rows().stream().anyMatch(r -> r.metrics().containsKey(k))).toList();
        StringBuilder sb = new StringBuilder("# " + s.experiment() + "\n\n");
        boolean costs = s.rows().stream().anyMatch(r -> !r.cost().isEmpty());
        header(sb, costs ? concat(metricKeys, List.of("train s", "parameters", "peak RSS MiB")) : metricKeys);
        for (Row r : s.rows()) {
            sb.append("| ").append(r.name()).append(" | ").append(String.join("+", r.modalities())).append(" |");
            for (String k : metricKeys) {
                MetricStats m = r.metrics().get(k);
                Double p = r.pVsReference().get(k);
                sb.append(' ').append(m == null ? "–" : String.format(Locale.ROOT, "%.4f ± %.4f", m.mean(), m.std()))
                        .append(p == null ? "" : PairedSignFlipTest.mark(p)).append(" |");
            }
            if (costs) {
                for (String k : COST_KEYS) {
                    MetricStats m = r.cost().get(k);
                    sb.append(' ').append(m == null ? "–" : String.format(Locale.ROOT, k.equals("parameters") ? "%,.0f" : "%.1f", m.mean()))
                            .append(" |");
                }
            }
            sb.append('\n');
        }
        int runs = s.rows().stream().mapToInt(r -> r.runs().size()).max().orElse(0);
        sb.append("\nmean ± sample std over ").append(foldsNote).append(runs > 0 ? " (" + runs + " runs per row)" : "")
                .append("; * / ** : p < 0.05 / 0.01, exact paired sign-flip test against '").append(s.reference())
                .append("' over the matched (fold, seed) runs; run folders listed in summary.json.")
                .append(costs ? " Cost columns (mean per run, this machine): training wall time, trained parameters, peak resident"
                        + " memory of the process during the run (JVM heap + PyTorch native)." : "").append('\n');
        if (s.rows().stream().anyMatch(r -> !r.ci95().isEmpty())) {
            sb.append("\n95% bootstrap intervals over test subjects (mean of each subject's metric, averaged over seeds; 2,000 resamples):\n\n");
            header(sb, metricKeys);
            for (Row r : s.rows()) {
                sb.append("| ").append(r.name()).append(" | ").append(String.join("+", r.modalities())).append(" |");
                for (String k : metricKeys) {
                    double[] ci = r.ci95().get(k);
                    sb.append(' ').append(ci == null ? "–" : String.format(Locale.ROOT, "[%.4f, %.4f]", ci[0], ci[1])).append(" |");
                }
                sb.append('\n');
            }
        }
        if (!s.failedRuns().isEmpty()) {
            sb.append("\n").append(s.failedRuns().size()).append(" run(s) failed and are missing from their rows (see failedRuns in summary.json).\n");
        }
        return sb.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void header(StringBuilder sb, List<String> metricKeys) {
        sb.append("| row | modalities |");
        metricKeys.forEach(k -> sb.append(' ').append(k).append(" |"));
        sb.append("\n|---|---|");
        metricKeys.forEach(k -> sb.append("---|"));
        sb.append('\n');
    }

    /** Per fold (mean over seeds) or per seed (mean over folds); null for per seed with a single seed. */
    private static String breakdown(Summary s, Path experimentDir, List<String> requestedKeys, boolean byFold) throws IOException {
        Map<String, Map<String, Map<String, List<Double>>>> cells = new LinkedHashMap<>();
        TreeSet<Long> units = new TreeSet<>();
        for (Row r : s.rows()) {
            Map<String, Map<String, List<Double>>> byUnit = new TreeMap<>();
            for (String run : r.runs()) {
                JsonNode all = JSON.readTree(experimentDir.resolve(run).resolve("metrics.json").toFile());
                long unit = byFold ? all.path("fold").asLong() : all.path("seed").asLong();
                units.add(unit);
                for (String k : requestedKeys) {
                    number(all.get("metrics"), k, byUnit.computeIfAbsent(String.valueOf(unit), x -> new LinkedHashMap<>())
                            .computeIfAbsent(k, x -> new ArrayList<>()));
                }
            }
            cells.put(r.name(), byUnit);
        }
        if (!byFold && units.size() < 2) {
            return null;
        }
        String unitName = byFold ? "fold" : "seed";
        StringBuilder sb = new StringBuilder("# " + s.experiment() + " by " + unitName + "\n\nMean over "
                + (byFold ? "seeds" : "folds") + " of each " + unitName + ".\n");
        for (String k : requestedKeys) {
            if (cells.values().stream().noneMatch(u -> u.values().stream().anyMatch(m -> !m.getOrDefault(k, List.of()).isEmpty()))) {
                continue;
            }
            sb.append("\n## ").append(k).append("\n\n| row |");
            units.forEach(u -> sb.append(' ').append(unitName).append(' ').append(u).append(" |"));
            sb.append("\n|---|").append("---|".repeat(units.size())).append('\n');
            for (Map.Entry<String, Map<String, Map<String, List<Double>>>> row : cells.entrySet()) {
                sb.append("| ").append(row.getKey()).append(" |");
                for (long u : units) {
                    List<Double> v = row.getValue().getOrDefault(String.valueOf(u), Map.of()).getOrDefault(k, List.of());
                    sb.append(' ').append(v.isEmpty() ? "–" : String.format(Locale.ROOT, "%.4f", MetricStats.of(v).mean())).append(" |");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
