package org.mer4j.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mer4j.experiments.MetricStats;

/**
 * What differs between two runs, or two experiments, as readable text ({@code mer4j compare A B}):
 * <ul>
 *   <li>config: the resolved YAML of both ({@code config.resolved.yaml}) key by key as dotted paths
 *       ({@link FlatTree}), every key whose value differs or that only one side has;</li>
 *   <li>provenance: {@code provenance.json} the same way (commit and dirty flag, library versions,
 *       threads, manifest / split / data digests, plug-ins, skipped clips...); for experiments that of
 *       their first run, without the keys that belong to one run (row, fold, seeds, timings);</li>
 *   <li>metrics: side by side with the difference B − A; for experiments the mean ± std over each row's
 *       runs, rows matched by name (two sides of one row each are matched whatever their names).</li>
 * </ul>
 * A side is a run folder (with {@code metrics.json}) or an experiment folder ({@code runs/<experiment>}).
 */
public final class RunComparison {
    /** Provenance keys that describe one run of an experiment, left out when comparing experiments. */
    private static final List<String> PER_RUN = List.of("row", "fold", "seed", "runSeed", "trainSeconds", "bestEpoch", "resumedAfterEpoch");

    private RunComparison() {
    }

    /** The comparison of {@code a} and {@code b} as text. */
    public static String compare(Path a, Path b) throws IOException {
        ExperimentRuns left = ExperimentRuns.load(a);
        ExperimentRuns right = ExperimentRuns.load(b);
        boolean runs = isRun(a) && isRun(b);
        StringBuilder out = new StringBuilder();
        out.append("A: ").append(describe(a, left)).append('\n');
        out.append("B: ").append(describe(b, right)).append('\n');

        Path configA = left.all().get(0).dir().resolve("config.resolved.yaml");
        Path configB = right.all().get(0).dir().resolve("config.resolved.yaml");
        out.append("\n== config (config.resolved.yaml) ==\n");
        if (Files.isRegularFile(configA) && Files.isRegularFile(configB)) {
            YAMLMapper yaml = new YAMLMapper();
            diff(out, FlatTree.of(yaml.readTree(configA.toFile())), FlatTree.of(yaml.readTree(configB.toFile())));
        } else {
            out.append("  (no config.resolved.yaml in ").append(Files.isRegularFile(configA) ? configB.getParent() : configA.getParent()).append(")\n");
        }

        out.append("\n== provenance (provenance.json").append(runs ? "" : ", first run of each; per-run keys left out").append(") ==\n");
        diff(out, provenance(left.all().get(0).provenance(), !runs), provenance(right.all().get(0).provenance(), !runs));

        out.append("\n== metrics").append(runs ? "" : " (mean ± std over each row's runs)").append(" ==\n");
        metrics(out, left, right, runs);
        return out.toString();
    }

    private static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve("metrics.json"));
    }

    private static String describe(Path dir, ExperimentRuns e) {
        if (isRun(dir)) {
            ExperimentRuns.Run r = e.all().get(0);
            return dir + " (run of experiment " + e.experiment() + ", row '" + r.row() + "', fold " + r.fold() + ", seed " + r.seed() + ")";
        }
        return dir + " (experiment " + e.experiment() + ": " + e.rows().size() + " row(s), " + e.all().size() + " run(s))";
    }

    private static Map<String, String> provenance(JsonNode p, boolean experiment) {
        ObjectNode copy = p.isObject() ? ((ObjectNode) p).deepCopy() : new YAMLMapper().createObjectNode();
        JsonNode skipped = copy.remove("skipped");
        if (skipped != null && skipped.isArray()) {
            List<String> ids = new ArrayList<>();
            skipped.forEach(s -> ids.add(s.path("clipId").asText()));
            copy.put("skipped", ids.size() + " clip(s)" + (ids.isEmpty() ? "" : ": " + String.join(", ", ids.subList(0, Math.min(20, ids.size())))
                    + (ids.size() > 20 ? ", ..." : "")));
        }
        if (experiment) {
            PER_RUN.forEach(copy::remove);
        }
        return FlatTree.of(copy);
    }

    /**
     * Appends the keys that differ, in A's order then B's extra keys; a list entry that only one side
     * has ({@code rows[tfn]}) is one line.
     */
    private static void diff(StringBuilder out, Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String[]> lines = new ArrayList<>();
        Set<String> collapsed = new java.util.HashSet<>();
        int same = 0;
        for (String k : keys) {
            String va = a.get(k);
            String vb = b.get(k);
            if (va != null && va.equals(vb)) {
                same++;
                continue;
            }
            String entry = entry(k);
            if (entry != null && (va == null ? !hasEntry(a, entry) : !hasEntry(b, entry))) {
                if (collapsed.add(entry)) {
                    long n = (va == null ? b : a).keySet().stream().filter(x -> entry.equals(entry(x))).count();
                    String present = "(" + n + " key" + (n == 1 ? "" : "s") + ")";
                    lines.add(new String[] {entry, va == null ? "(absent)" : present, vb == null ? "(absent)" : present});
                }
                continue;
            }
            lines.add(new String[] {k, va == null ? "(absent)" : va, vb == null ? "(absent)" : vb});
        }
        if (lines.isEmpty()) {
            out.append("  identical (").append(same).append(" keys)\n");
            return;
        }
        lines.add(0, new String[] {"key", "A", "B"});
        table(out, lines);
        out.append("  ").append(lines.size() - 1).append(" key(s) differ, ").append(same).append(" identical\n");
    }

    /** The list entry a key belongs to ({@code rows[tfn]} of {@code rows[tfn].fusion.type}), or null. */
    private static String entry(String key) {
        int close = key.indexOf(']');
        return close < 0 ? null : key.substring(0, close + 1);
    }

    private static boolean hasEntry(Map<String, String> tree, String entry) {
        return tree.keySet().stream().anyMatch(k -> entry.equals(entry(k)));
    }

    private static void metrics(StringBuilder out, ExperimentRuns a, ExperimentRuns b, boolean runs) {
        List<String[]> pairs = new ArrayList<>();
        if (a.rows().size() == 1 && b.rows().size() == 1) {
            pairs.add(new String[] {a.rows().keySet().iterator().next(), b.rows().keySet().iterator().next()});
        } else {
            for (String row : a.rows().keySet()) {
                if (b.rows().containsKey(row)) {
                    pairs.add(new String[] {row, row});
                }
            }
        }
        Set<String> keys = new LinkedHashSet<>(a.metricKeys());
        keys.addAll(b.metricKeys());
        for (String[] pair : pairs) {
            out.append(pair[0].equals(pair[1]) ? "row " + pair[0] : "row " + pair[0] + " (A) vs " + pair[1] + " (B)").append(":\n");
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[] {"metric", "A", "B", "B - A"});
            for (String k : keys) {
                MetricStats ma = stats(a.rows().get(pair[0]), k);
                MetricStats mb = stats(b.rows().get(pair[1]), k);
                if (ma == null && mb == null) {
                    continue;
                }
                lines.add(new String[] {k, cell(ma, runs), cell(mb, runs),
                        ma == null || mb == null ? "–" : String.format(Locale.ROOT, "%+.4f", mb.mean() - ma.mean())});
            }
            table(out, lines);
        }
        for (String row : a.rows().keySet()) {
            if (pairs.stream().noneMatch(p -> p[0].equals(row))) {
                out.append("row ").append(row).append(": only in A\n");
            }
        }
        for (String row : b.rows().keySet()) {
            if (pairs.stream().noneMatch(p -> p[1].equals(row))) {
                out.append("row ").append(row).append(": only in B\n");
            }
        }
    }

    private static MetricStats stats(List<ExperimentRuns.Run> runs, String key) {
        List<Double> v = new ArrayList<>();
        for (ExperimentRuns.Run r : runs) {
            JsonNode x = r.metrics().path("metrics").get(key);
            if (x != null && x.isNumber() && Double.isFinite(x.asDouble())) {
                v.add(x.asDouble());
            }
        }
        return v.isEmpty() ? null : MetricStats.of(v);
    }

    private static String cell(MetricStats m, boolean runs) {
        if (m == null) {
            return "–";
        }
        return runs || m.n() == 1 ? String.format(Locale.ROOT, "%.4f", m.mean())
                : String.format(Locale.ROOT, "%.4f ± %.4f (n=%d)", m.mean(), m.std(), m.n());
    }

    /** Appends aligned columns, indented by two spaces; the first line is the header. */
    private static void table(StringBuilder out, List<String[]> lines) {
        int columns = lines.get(0).length;
        int[] width = new int[columns];
        for (String[] l : lines) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], Math.min(60, l[c].length()));
            }
        }
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? l[c] : pad(l[c], width[c]) + "  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
