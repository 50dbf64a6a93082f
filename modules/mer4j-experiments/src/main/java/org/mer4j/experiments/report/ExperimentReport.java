package org.mer4j.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.mer4j.api.AtomicFiles;
import org.mer4j.experiments.MetricStats;
import org.mer4j.train.EpochRecord;
import org.mer4j.train.FusionTrainer;
import org.mer4j.train.PrecisionRecallCurve;

/**
 * The report of an experiment folder ({@code runs/<experiment>/report.html}): one self-contained
 * HTML file ({@link EChartsPage}: ECharts inlined, nothing fetched when viewed) built from the run
 * folders alone, with
 * <ol>
 *   <li>the experiment's table ({@code table.md} and the other {@code table-by-*.md}) and a bar chart of
 *       the row means;</li>
 *   <li>learning curves of every run: training loss, validation loss and the validation metric that
 *       selects the epoch ({@code train.selectBy}), with the kept epoch marked, from
 *       {@code history.csv} ({@link TrainingHistory}) or the epoch lines of older runs' {@code log.txt};</li>
 *   <li>confusion matrices of the categorical tasks (emotion) per row ({@link ConfusionMatrix});</li>
 *   <li>precision-recall curves of the binary tasks per level (A/H frame and video, inconsistency frame
 *       and clip), one line per row ({@link PrecisionRecallCurve});</li>
 *   <li>metrics per test subject, and per value of {@code gender} and of the {@code report.groupBy} keys
 *       where the manifest metadata has them ({@link GroupBreakdown});</li>
 *   <li>the provenance: what all runs share (commit, config hash, seeds, library versions, threads,
 *       data digests, plug-ins, skipped clips) and what differs per run.</li>
 * </ol>
 * Confusion matrices and precision-recall curves pool the test predictions of all runs of a row
 * (every test clip once per seed), so their AP is that of the pooled predictions, not the table's mean
 * of per-run APs.
 */
public final class ExperimentReport {
    /** File name of the report inside the experiment folder. */
    public static final String FILE = "report.html";
    private static final List<String> GROUP_KEYS = List.of("gender");

    private final ExperimentRuns runs;
    private final EChartsPage page;
    private final Map<Path, Optional<RunPredictions>> predictions = new HashMap<>();

    private ExperimentReport(ExperimentRuns runs) {
        this.runs = runs;
        this.page = new EChartsPage("mer4j report: " + runs.experiment());
    }

    /** Builds the report of {@code experimentDir} and writes it to {@code experimentDir/report.html}. */
    public static Path write(Path experimentDir) throws IOException {
        return write(experimentDir, experimentDir.resolve(FILE));
    }

    /** Builds the report of {@code experimentDir} (or of one run folder) and writes it to {@code output}. */
    public static Path write(Path experimentDir, Path output) throws IOException {
        String html = build(experimentDir).html();
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.writeString(output, html);
        return output;
    }

    /** The report page of {@code experimentDir}. */
    public static EChartsPage build(Path experimentDir) throws IOException {
        ExperimentReport r = new ExperimentReport(ExperimentRuns.load(experimentDir));
        try {
            r.intro();
            r.table();
            r.curves();
            r.confusion();
            r.precisionRecall();
            r.subjects();
            r.groups();
            r.provenance();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return r.page;
    }

    private void intro() {
        int n = runs.all().size();
        page.text("Experiment folder " + runs.dir().toAbsolutePath().normalize() + ": " + runs.rows().size() + " row(s), " + n
                + " finished run(s). Built by `mer4j report` from the run folders alone; charts by Apache ECharts " + EChartsPage.version()
                + " (inlined). Click legend entries to hide or show lines.");
    }

    // ---- 1. table ----

    private void table() throws IOException {
        page.heading("Results table", 2);
        Path md = runs.dir().resolve("table.md");
        if (Files.isRegularFile(md)) {
            page.markdown(withoutTitle(Files.readString(md)));
        } else {
            page.text("No table.md in the folder (a single run, or an experiment still running): the means over the finished runs.");
            List<String> header = new ArrayList<>(List.of("row", "runs"));
            List<String> keys = runs.metricKeys();
            header.addAll(keys);
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, List<ExperimentRuns.Run>> row : runs.rows().entrySet()) {
                List<String> cells = new ArrayList<>(List.of(row.getKey(), String.valueOf(row.getValue().size())));
                for (String k : keys) {
                    List<Double> v = metricValues(row.getValue(), k);
                    cells.add(v.isEmpty() ? "–" : String.format(Locale.ROOT, "%.4f ± %.4f", mean(v), std(v)));
                }
                rows.add(cells);
            }
            page.table(header, rows);
        }
        JsonNode failed = runs.summary() == null ? null : runs.summary().get("failedRuns");
        if (failed != null && !failed.isEmpty()) {
            List<List<String>> lines = new ArrayList<>();
            failed.forEach(f -> lines.add(List.of(f.asText())));
            page.table(List.of("failed run"), lines);
        }
        List<String> keys = runs.metricKeys();
        List<Object> series = new ArrayList<>();
        for (Map.Entry<String, List<ExperimentRuns.Run>> row : runs.rows().entrySet()) {
            List<Object> data = new ArrayList<>();
            for (String k : keys) {
                List<Double> v = metricValues(row.getValue(), k);
                data.add(v.isEmpty() ? null : round(mean(v)));
            }
            if (data.stream().anyMatch(d -> d != null)) {
                series.add(map("name", row.getKey(), "type", "bar", "data", data));
            }
        }
        if (!series.isEmpty()) {
            page.chart(map("animation", false, "title", map("text", "Mean over runs per metric", "textStyle", map("fontSize", 14)),
                    "tooltip", map("trigger", "axis"), "legend", map("top", 24), "grid", map("top", 70, "bottom", 110, "left", 50, "right", 20),
                    "xAxis", map("type", "category", "data", keys, "axisLabel", map("rotate", 35, "interval", 0)),
                    "yAxis", map("type", "value", "scale", true), "series", series));
        }
        try (Stream<Path> s = Files.list(runs.dir())) {
            for (Path more : s.filter(p -> p.getFileName().toString().matches("table-by-.*\\.md")).sorted().toList()) {
                page.markdown(Files.readString(more));
            }
        }
    }

    // ---- 2. learning curves ----

    private void curves() throws IOException {
        page.heading("Learning curves", 2);
        page.text("Per run and epoch: training loss and validation loss (left axis) and the validation metric that selects the kept"
                + " epoch (right axis; the vertical line marks the kept epoch). From each run's history.csv, or for runs made before"
                + " history.csv existed, from the epoch lines of its log.txt.");
        int fromLog = 0;
        for (Map.Entry<String, List<ExperimentRuns.Run>> row : runs.rows().entrySet()) {
            page.heading(row.getKey(), 3);
            List<Object> charts = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (ExperimentRuns.Run run : row.getValue()) {
                Optional<TrainingHistory.Curve> curve = TrainingHistory.read(run.dir());
                if (curve.isEmpty()) {
                    missing.add(run.label(runs.severalSeeds()) + " (" + run.name() + "): no curve (no history.csv and no epoch lines in log.txt)");
                    continue;
                }
                fromLog += curve.get().source().equals("log.txt") ? 1 : 0;
                charts.add(curveChart(run, curve.get()));
            }
            if (!charts.isEmpty()) {
                page.charts(charts, 3);
            }
            missing.forEach(page::text);
        }
        if (fromLog > 0) {
            page.text(fromLog + " curve(s) read from log.txt (run folders made before history.csv); their losses have 6 decimals.");
        }
    }

    private Object curveChart(ExperimentRuns.Run run, TrainingHistory.Curve curve) throws IOException {
        String selectBy = selectBy(run, curve);
        List<Object> train = new ArrayList<>();
        List<Object> valLoss = new ArrayList<>();
        List<Object> valMetric = new ArrayList<>();
        for (EpochRecord e : curve.epochs()) {
            point(train, e.epoch(), e.trainLoss());
            point(valLoss, e.epoch(), e.validation().get(FusionTrainer.VAL_LOSS));
            if (selectBy != null) {
                point(valMetric, e.epoch(), e.validation().get(selectBy));
            }
        }
        List<Object> series = new ArrayList<>();
        series.add(line("train loss", train, 0));
        if (!valLoss.isEmpty()) {
            series.add(line("val loss", valLoss, 0));
        }
        if (!valMetric.isEmpty()) {
            Map<String, Object> s = line("val " + selectBy, valMetric, 1);
            int best = run.provenance().path("bestEpoch").asInt(-1);
            if (best > 0) {
                s.put("markLine", map("symbol", "none", "silent", true, "label", map("formatter", "kept " + best),
                        "lineStyle", map("type", "dashed", "color", "#888"), "data", List.of(map("xAxis", best))));
            }
            series.add(s);
        }
        List<Object> yAxes = new ArrayList<>();
        yAxes.add(map("type", "value", "scale", true));
        if (!valMetric.isEmpty()) {
            yAxes.add(map("type", "value", "scale", true, "splitLine", map("show", false)));
        }
        return map("animation", false,
                "title", map("text", run.label(runs.severalSeeds()), "subtext", run.name(), "textStyle", map("fontSize", 13),
                        "subtextStyle", map("fontSize", 9)),
                "tooltip", map("trigger", "axis"), "legend", map("bottom", 0, "textStyle", map("fontSize", 10)),
                "grid", map("top", 60, "bottom", 70, "left", 45, "right", 45),
                "xAxis", map("type", "value", "name", "epoch", "nameLocation", "middle", "nameGap", 22, "min", 1, "minInterval", 1),
                "yAxis", yAxes, "series", series);
    }

    /** train.selectBy of the run's config, else the first validation metric that is not the loss. */
    private static String selectBy(ExperimentRuns.Run run, TrainingHistory.Curve curve) throws IOException {
        Path config = run.dir().resolve("config.resolved.yaml");
        if (Files.isRegularFile(config)) {
            JsonNode s = new YAMLMapper().readTree(config.toFile()).path("train").path("selectBy");
            if (s.isTextual() && curve.validationKeys().contains(s.asText())) {
                return s.asText();
            }
        }
        return curve.validationKeys().stream().filter(k -> !k.equals(FusionTrainer.VAL_LOSS)).findFirst().orElse(null);
    }

    // ---- 3. confusion matrices ----

    private void confusion() {
        Set<String> tasks = new LinkedHashSet<>();
        runs.all().forEach(r -> predictions(r).ifPresent(p -> tasks.addAll(p.categoricalTasks())));
        if (tasks.isEmpty()) {
            return;
        }
        page.heading("Confusion matrices", 2);
        page.text("Clip-level classes from clip_predictions.csv, pooled over the runs of each row: rows are the true classes, columns"
                + " the predicted ones; the colour scale is the share of the true class (recall), the label the number of clips.");
        for (String task : tasks) {
            page.heading(task, 3);
            List<Object> charts = new ArrayList<>();
            for (Map.Entry<String, List<ExperimentRuns.Run>> row : runs.rows().entrySet()) {
                List<String> classes = null;
                List<String> truth = new ArrayList<>();
                List<String> pred = new ArrayList<>();
                for (ExperimentRuns.Run run : row.getValue()) {
                    Optional<RunPredictions> p = predictions(run);
                    if (p.isEmpty() || !p.get().categoricalTasks().contains(task)) {
                        continue;
                    }
                    RunPredictions.Categorical c = p.get().categorical(task, clip -> true);
                    classes = classes == null ? c.classes() : classes;
                    truth.addAll(c.truth());
                    pred.addAll(c.predicted());
                }
                if (classes == null || truth.isEmpty()) {
                    continue;
                }
                charts.add(confusionChart(row.getKey(), ConfusionMatrix.of(classes, truth, pred)));
            }
            page.charts(charts, 2);
        }
    }

    private static Object confusionChart(String row, ConfusionMatrix m) {
        List<Object> data = new ArrayList<>();
        for (int t = 0; t < m.classes().size(); t++) {
            long rowTotal = 0;
            for (long v : m.counts()[t]) {
                rowTotal += v;
            }
            for (int p = 0; p < m.classes().size(); p++) {
                double share = rowTotal == 0 ? 0 : m.counts()[t][p] / (double) rowTotal;
                data.add(map("value", List.of(p, t, round(share)), "label", map("formatter", String.valueOf(m.counts()[t][p]))));
            }
        }
        return map("animation", false,
                "title", map("text", row, "subtext", String.format(Locale.ROOT, "accuracy %.3f over %d clips", m.accuracy(), m.total()),
                        "textStyle", map("fontSize", 13)),
                "tooltip", map("position", "top"), "grid", map("top", 60, "bottom", 70, "left", 80, "right", 20),
                "xAxis", map("type", "category", "data", m.classes(), "name", "predicted", "nameLocation", "middle", "nameGap", 25,
                        "splitArea", map("show", true)),
                "yAxis", map("type", "category", "data", m.classes(), "name", "true", "inverse", true, "splitArea", map("show", true)),
                "visualMap", map("min", 0, "max", 1, "calculable", false, "orient", "horizontal", "left", "center", "bottom", 0,
                        "itemHeight", 120, "text", List.of("recall 1", "0")),
                "series", List.of(map("type", "heatmap", "name", "share of true class", "data", data, "label", map("show", true))));
    }

    // ---- 4. precision-recall ----

    private void precisionRecall() {
        Set<String> levels = new LinkedHashSet<>();
        runs.all().forEach(r -> predictions(r).ifPresent(p -> levels.addAll(p.binaryLevels())));
        if (levels.isEmpty()) {
            return;
        }
        page.heading("Precision-recall curves", 2);
        page.text("Positive class = the event (A/H, inconsistency). Points at the 1,000 thresholds of the BAH benchmark; the area under"
                + " them is the AP. Predictions pooled over the runs of each row (frame level from predictions.csv, clip/video level"
                + " from clip_predictions.csv), so the AP in the legend is that of the pooled predictions, not the table's mean of"
                + " per-run APs. The grey line is the share of positives (a classifier that calls everything positive).");
        List<Object> charts = new ArrayList<>();
        for (String level : levels) {
            List<Object> series = new ArrayList<>();
            double prevalence = Double.NaN;
            for (Map.Entry<String, List<ExperimentRuns.Run>> row : runs.rows().entrySet()) {
                List<int[]> truths = new ArrayList<>();
                List<float[]> probs = new ArrayList<>();
                for (ExperimentRuns.Run run : row.getValue()) {
                    Optional<RunPredictions> p = predictions(run);
                    if (p.isPresent() && p.get().binaryLevels().contains(level)) {
                        RunPredictions.Binary b = p.get().binary(level, clip -> true);
                        truths.add(b.truth());
                        probs.add(b.prob());
                    }
                }
                PrecisionRecallCurve pr = PrecisionRecallCurve.of(concat(truths), concatFloats(probs));
                if (pr == null) {
                    continue;
                }
                prevalence = Double.isNaN(prevalence) ? pr.prevalence() : prevalence;
                List<Object> data = new ArrayList<>();
                for (int i = 0; i < pr.recall().length; i++) {
                    data.add(List.of(round(pr.recall()[i]), round(pr.precision()[i])));
                }
                series.add(map("type", "line", "name", String.format(Locale.ROOT, "%s (AP %.3f)", row.getKey(), pr.ap()), "data", data,
                        "showSymbol", false));
            }
            if (series.isEmpty()) {
                page.text(level + ": no positive sample in the test predictions, no curve.");
                continue;
            }
            series.add(map("type", "line", "name", String.format(Locale.ROOT, "positives %.3f", prevalence), "showSymbol", false,
                    "data", List.of(List.of(0, round(prevalence)), List.of(1, round(prevalence))),
                    "lineStyle", map("type", "dashed", "color", "#999"), "itemStyle", map("color", "#999")));
            charts.add(map("animation", false, "title", map("text", level.replace('_', ' '), "textStyle", map("fontSize", 13)),
                    "tooltip", map("trigger", "item"), "legend", map("bottom", 0, "textStyle", map("fontSize", 10)),
                    "grid", map("top", 40, "bottom", 80, "left", 50, "right", 20),
                    "xAxis", map("type", "value", "name", "recall", "min", 0, "max", 1, "nameLocation", "middle", "nameGap", 22),
                    "yAxis", map("type", "value", "name", "precision", "min", 0, "max", 1), "series", series));
        }
        if (!charts.isEmpty()) {
            page.charts(charts, 2);
        }
    }

    // ---- 5. per subject, per group ----

    private void subjects() {
        GroupBreakdown b = GroupBreakdown.subjects(runs, this::predictionsOrNull);
        page.heading("Per test subject", 2);
        if (b.isEmpty()) {
            page.text("No per-subject metrics: the runs' metrics.json have no \"subjects\" and there are no prediction files.");
            return;
        }
        page.text("Each test subject's metric per row (mean over the runs that tested the subject), " + source(b) + ".");
        List<String> subjects = b.groups();
        for (String metric : keysIn(b)) {
            List<Object> data = new ArrayList<>();
            List<String> rows = new ArrayList<>(runs.rows().keySet());
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows.size(); r++) {
                for (int s = 0; s < subjects.size(); s++) {
                    Double v = b.mean(rows.get(r), subjects.get(s), metric);
                    if (v != null) {
                        data.add(List.of(s, r, round(v)));
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (data.isEmpty()) {
                continue;
            }
            page.chart(map("animation", false, "title", map("text", metric, "textStyle", map("fontSize", 13)),
                    "tooltip", map("position", "top"), "grid", map("top", 40, "bottom", 60, "left", 150, "right", 20),
                    "xAxis", map("type", "category", "data", subjects, "name", "subject", "nameLocation", "middle", "nameGap", 38,
                            "axisLabel", map("interval", 0, "rotate", 45)),
                    "yAxis", map("type", "category", "data", rows, "inverse", true),
                    "visualMap", map("min", round(lo), "max", round(hi == lo ? lo + 1e-3 : hi), "precision", 3, "orient", "horizontal",
                            "right", 0, "top", 0, "itemHeight", 160, "calculable", true),
                    "series", List.of(map("type", "heatmap", "name", metric, "data", data,
                            "label", map("show", subjects.size() <= 40, "fontSize", 9)))));
        }
        for (String row : runs.rows().keySet()) {
            List<String> keys = keysIn(b);
            List<String> header = new ArrayList<>(List.of("subject"));
            header.addAll(keys);
            List<List<String>> lines = new ArrayList<>();
            for (String s : subjects) {
                List<String> cells = new ArrayList<>(List.of(s));
                keys.forEach(k -> cells.add(fmt(b.mean(row, s, k))));
                lines.add(cells);
            }
            page.foldedTable(row + ": per-subject table", header, lines);
        }
    }

    private void groups() throws IOException {
        ClipMetadata metadata = ClipMetadata.load(runs);
        List<String> keys = new ArrayList<>(GROUP_KEYS);
        for (ExperimentRuns.Run r : runs.all()) {
            r.metrics().path("groups").fieldNames().forEachRemaining(g -> {
                int eq = g.indexOf('=');
                if (eq > 0 && !keys.contains(g.substring(0, eq))) {
                    keys.add(g.substring(0, eq));
                }
            });
        }
        for (String key : keys) {
            GroupBreakdown b = GroupBreakdown.byKey(runs, key, metadata.values(key), this::predictionsOrNull);
            page.heading("Per " + key, 2);
            if (b.isEmpty()) {
                page.text("No " + key + " breakdown: " + (metadata.manifest() == null
                        ? "no manifest found (looked at " + metadata.tried() + ")"
                        : "the clips of " + metadata.manifest() + " have no metadata '" + key + "'")
                        + " and the runs' metrics.json record no '" + key + "=' groups (report.groupBy).");
                continue;
            }
            page.text("Test clips grouped by the manifest metadata '" + key + "'" + (metadata.manifest() == null ? "" : " (" + metadata.manifest() + ")")
                    + "; mean over the runs that had clips of the group, " + source(b) + ".");
            List<String> groups = b.groups();
            List<Object> charts = new ArrayList<>();
            List<List<String>> table = new ArrayList<>();
            for (String metric : keysIn(b)) {
                List<Object> series = new ArrayList<>();
                for (String g : groups) {
                    List<Object> data = new ArrayList<>();
                    for (String row : runs.rows().keySet()) {
                        Double v = b.mean(row, g, metric);
                        data.add(v == null ? null : round(v));
                        if (v != null) {
                            table.add(List.of(row, metric, g, fmt(v), String.valueOf(b.count(row, g, metric))));
                        }
                    }
                    series.add(map("type", "bar", "name", key + "=" + g, "data", data));
                }
                charts.add(map("animation", false, "title", map("text", metric, "textStyle", map("fontSize", 13)),
                        "tooltip", map("trigger", "axis"), "legend", map("bottom", 0),
                        "grid", map("top", 35, "bottom", 90, "left", 45, "right", 10),
                        "xAxis", map("type", "category", "data", List.copyOf(runs.rows().keySet()), "axisLabel", map("interval", 0, "rotate", 20)),
                        "yAxis", map("type", "value", "scale", true), "series", series));
            }
            page.charts(charts, 3);
            page.foldedTable("per-" + key + " table", List.of("row", "metric", key, "mean", "runs"), table);
        }
    }

    private static String source(GroupBreakdown b) {
        if (b.computed() == 0) {
            return "as recorded in the runs' metrics.json";
        }
        String computed = "recomputed from the prediction files (clip_predictions.csv, predictions.csv; probabilities rounded to"
                + " 5 decimals)";
        return b.recorded() == 0 ? computed : b.recorded() + " run(s) as recorded in metrics.json, " + b.computed() + " " + computed;
    }

    /** The table's metric keys that the breakdown has, else all its keys. */
    private List<String> keysIn(GroupBreakdown b) {
        Set<String> present = new LinkedHashSet<>();
        b.values().values().forEach(g -> g.values().forEach(m -> present.addAll(m.keySet())));
        List<String> keys = runs.metricKeys().stream().filter(present::contains).toList();
        return keys.isEmpty() ? List.copyOf(present) : keys;
    }

    // ---- 6. provenance ----

    private void provenance() {
        page.heading("Provenance", 2);
        List<Map<String, String>> flat = new ArrayList<>();
        for (ExperimentRuns.Run r : runs.all()) {
            JsonNode p = r.provenance().deepCopy();
            if (p.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) p).remove("skipped");
            }
            flat.add(FlatTree.of(p));
        }
        Set<String> keys = new LinkedHashSet<>();
        flat.forEach(f -> keys.addAll(f.keySet()));
        List<List<String>> common = new ArrayList<>();
        List<String> varying = new ArrayList<>();
        for (String k : keys) {
            Set<String> values = new TreeSet<>();
            flat.forEach(f -> values.add(f.getOrDefault(k, "(absent)")));
            if (values.size() == 1) {
                common.add(List.of(k, values.iterator().next()));
            } else if (!k.startsWith("fold.") || k.equals("fold.index")) {
                varying.add(k);
            }
        }
        long commits = runs.all().stream().map(r -> r.provenance().path("environment").path("git").path("commit").asText("?")).distinct().count();
        page.text(runs.all().size() + " run(s), " + commits + " distinct commit(s). What every run shares (from provenance.json;"
                + " the folds' subject lists are in splits.json):");
        page.table(List.of("key", "value"), common);
        if (!varying.isEmpty()) {
            List<String> header = new ArrayList<>(List.of("run"));
            header.addAll(varying);
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < flat.size(); i++) {
                List<String> cells = new ArrayList<>(List.of(runs.all().get(i).name()));
                for (String k : varying) {
                    cells.add(flat.get(i).getOrDefault(k, "–"));
                }
                rows.add(cells);
            }
            page.text("What differs between runs:");
            page.table(header, rows);
        }
        JsonNode skipped = runs.all().get(0).provenance().path("skipped");
        if (skipped.isArray() && !skipped.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode s : skipped) {
                rows.add(List.of(s.path("clipId").asText(), s.path("stage").asText(), s.path("reason").asText(), s.path("message").asText()));
            }
            page.foldedTable(skipped.size() + " skipped clip(s)", List.of("clip", "stage", "reason", "message"), rows);
        } else {
            page.text("No clip was skipped.");
        }
    }

    // ---- helpers ----

    private Optional<RunPredictions> predictions(ExperimentRuns.Run run) {
        return predictions.computeIfAbsent(run.dir(), d -> {
            try {
                RunPredictions p = RunPredictions.read(d);
                return Optional.of(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private RunPredictions predictionsOrNull(Path runDir) {
        return runs.all().stream().filter(r -> r.dir().equals(runDir)).findFirst().flatMap(this::predictions).orElse(null);
    }

    private static List<Double> metricValues(List<ExperimentRuns.Run> runs, String key) {
        List<Double> out = new ArrayList<>();
        for (ExperimentRuns.Run r : runs) {
            JsonNode v = r.metrics().path("metrics").get(key);
            if (v != null && v.isNumber() && Double.isFinite(v.asDouble())) {
                out.add(v.asDouble());
            }
        }
        return out;
    }

    private static String withoutTitle(String md) {
        return md.startsWith("# ") ? md.substring(md.indexOf('\n') + 1) : md;
    }

    private static void point(List<Object> into, int epoch, Double v) {
        if (v != null && Double.isFinite(v)) {
            into.add(List.of(epoch, v));
        }
    }

    private static Map<String, Object> line(String name, List<Object> data, int axis) {
        return map("type", "line", "name", name, "data", data, "showSymbol", false, "yAxisIndex", axis);
    }

    private static int[] concat(List<int[]> parts) {
        int[] out = new int[parts.stream().mapToInt(a -> a.length).sum()];
        int i = 0;
        for (int[] a : parts) {
            System.arraycopy(a, 0, out, i, a.length);
            i += a.length;
        }
        return out;
    }

    private static float[] concatFloats(List<float[]> parts) {
        float[] out = new float[parts.stream().mapToInt(a -> a.length).sum()];
        int i = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, out, i, a.length);
            i += a.length;
        }
        return out;
    }

    private static double mean(List<Double> v) {
        return MetricStats.of(v).mean();
    }

    private static double std(List<Double> v) {
        return MetricStats.of(v).std();
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static String fmt(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
