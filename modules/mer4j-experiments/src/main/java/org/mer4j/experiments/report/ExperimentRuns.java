package org.mer4j.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The finished runs of an experiment folder ({@code runs/<experiment>/}) grouped by table row: in the
 * order of {@code summary.json} when there is one, else every sub-folder with a {@code metrics.json}
 * (by name), grouped by the row its {@code metrics.json} names. A run folder given instead of an
 * experiment folder is an experiment of that one run.
 *
 * @param dir the folder read
 * @param experiment the experiment name (from summary.json or provenance.json, else the folder name)
 * @param summary summary.json, or null
 * @param rows row name to its runs, in table order
 */
record ExperimentRuns(Path dir, String experiment, JsonNode summary, Map<String, List<Run>> rows) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One finished run.
     *
     * @param dir its folder
     * @param name its folder name
     * @param metrics its metrics.json
     * @param provenance its provenance.json (an empty object when missing)
     */
    record Run(Path dir, String name, String row, int fold, long seed, JsonNode metrics, JsonNode provenance) {
        /** "fold F" plus " seed S" when the experiment has several seeds. */
        String label(boolean seeds) {
            return "fold " + fold + (seeds ? " seed " + seed : "");
        }
    }

    static ExperimentRuns load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder; give an experiment folder such as runs/quickstart (or one run folder in it)");
        }
        Map<String, List<Run>> rows = new LinkedHashMap<>();
        if (Files.isRegularFile(dir.resolve("metrics.json"))) {
            Run r = run(dir);
            rows.put(r.row(), List.of(r));
            return new ExperimentRuns(dir, experimentName(r, dir), null, rows);
        }
        Path summaryFile = dir.resolve("summary.json");
        JsonNode summary = Files.isRegularFile(summaryFile) ? JSON.readTree(summaryFile.toFile()) : null;
        if (summary != null && summary.has("rows")) {
            for (JsonNode row : summary.get("rows")) {
                List<Run> runs = new ArrayList<>();
                for (JsonNode name : row.path("runs")) {
                    Path run = dir.resolve(name.asText());
                    if (Files.isRegularFile(run.resolve("metrics.json"))) {
                        runs.add(run(run));
                    }
                }
                rows.put(row.get("name").asText(), runs);
            }
        } else {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path run : s.filter(p -> Files.isRegularFile(p.resolve("metrics.json"))).sorted().toList()) {
                    Run r = run(run);
                    rows.computeIfAbsent(r.row(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        if (rows.values().stream().allMatch(List::isEmpty)) {
            throw new IOException(dir + " holds no finished run (no sub-folder with a metrics.json); run the experiment first"
                    + " (tools/mer4j run CONFIG) and give its folder runs/<experiment>");
        }
        String name = summary != null && summary.hasNonNull("experiment") ? summary.get("experiment").asText()
                : experimentName(rows.values().stream().flatMap(List::stream).findFirst().orElseThrow(), dir);
        return new ExperimentRuns(dir, name, summary, rows);
    }

    /** Every run, row by row. */
    List<Run> all() {
        return rows.values().stream().flatMap(List::stream).toList();
    }

    /** Whether the runs have more than one root seed. */
    boolean severalSeeds() {
        return all().stream().map(Run::seed).distinct().count() > 1;
    }

    /**
     * The metric keys of the table: the summary's in its order, else those of the runs' metrics.json.
     */
    List<String> metricKeys() {
        List<String> keys = new ArrayList<>();
        if (summary != null) {
            for (JsonNode row : summary.path("rows")) {
                row.path("metrics").fieldNames().forEachRemaining(k -> {
                    if (!keys.contains(k)) {
                        keys.add(k);
                    }
                });
            }
        }
        if (keys.isEmpty()) {
            for (Run r : all()) {
                r.metrics().path("metrics").fieldNames().forEachRemaining(k -> {
                    if (!keys.contains(k)) {
                        keys.add(k);
                    }
                });
            }
        }
        return keys;
    }

    private static Run run(Path dir) throws IOException {
        JsonNode metrics = JSON.readTree(dir.resolve("metrics.json").toFile());
        Path prov = dir.resolve("provenance.json");
        JsonNode provenance = Files.isRegularFile(prov) ? JSON.readTree(prov.toFile()) : JSON.createObjectNode();
        String row = metrics.hasNonNull("row") ? metrics.get("row").asText() : provenance.path("row").asText(dir.getFileName().toString());
        long seed = metrics.hasNonNull("seed") ? metrics.get("seed").asLong() : provenance.path("seed").asLong(provenance.path("rootSeed").asLong());
        return new Run(dir, dir.getFileName().toString(), row, metrics.path("fold").asInt(), seed, metrics, provenance);
    }

    private static String experimentName(Run r, Path dir) {
        return r.provenance().hasNonNull("experiment") ? r.provenance().get("experiment").asText()
                : (dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
    }
}
