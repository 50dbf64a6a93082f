package org.mer4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.experiments.ConfigLoader;
import org.mer4j.experiments.ExperimentRunner;
import org.mer4j.experiments.SummaryTable;

/**
 * The run grid as a Spark job on local[2] trains the runs the sequential runner trains, under the same
 * folder prefixes, to the same metrics and predictions, and its summary equals the sequential one; a
 * second Spark run reuses every finished run folder.
 */
class SparkRunGridTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sparkRunGridGivesTheSequentialMetrics(@TempDir Path dir) throws Exception {
        SparkFixture.corpus(dir);
        Path config = dir.resolve("grid.yaml");
        Files.writeString(config, """
                experiment: spark-grid
                seed: 3
                data: {manifest: corpus/manifest.json}
                features:
                  cacheDir: cache
                  extractors: [{name: prosody}, {name: word-tokens}]
                protocol: {folds: 2, valFraction: 0.25}
                tasks: [{type: ah}, {type: emotion, weight: 0.5}]
                train: {epochs: 2, batchSize: 4}
                rows:
                  - {name: audio only, modalities: [audio], fusion: {type: early-fusion, dModel: 16}}
                  - {name: audio text, modalities: [audio, text], fusion: {type: cross-attention, dModel: 16}}
                """);
        ConfigLoader.Resolved resolved = ConfigLoader.load(config, List.of());
        Path seqRuns = dir.resolve("runs-sequential");
        Path sparkRuns = dir.resolve("runs-spark");
        SummaryTable.Summary sequential = new ExperimentRunner(dir, seqRuns, l -> { }).run(resolved);

        JobSpec spec = JobSpec.of(resolved, dir, sparkRuns);
        List<String> log = new ArrayList<>();
        SummaryTable.Summary spark;
        try (JavaSparkContext sc = SparkFixture.context(dir)) {
            SparkExtraction.run(sc, resolved, dir, sparkRuns, 0, log::add);
            spark = new ExperimentRunner(dir, sparkRuns, log::add).run(resolved, new SparkRunGrid(sc, spec, log::add));

            Path a = seqRuns.resolve("spark-grid");
            Path b = sparkRuns.resolve("spark-grid");
            Map<String, Path> runsA = runFolders(a);
            Map<String, Path> runsB = runFolders(b);
            assertEquals(4, runsA.size());
            assertEquals(runsA.keySet(), runsB.keySet(), "the same runs under the same prefixes (row, fold, run key, seed)");
            for (String prefix : runsA.keySet()) {
                JsonNode ma = JSON.readTree(runsA.get(prefix).resolve("metrics.json").toFile());
                JsonNode mb = JSON.readTree(runsB.get(prefix).resolve("metrics.json").toFile());
                ((ObjectNode) ma).remove("cost"); // training wall time and memory of that run
                ((ObjectNode) mb).remove("cost");
                assertEquals(ma, mb, prefix + "/metrics.json");
                for (String f : List.of("predictions.csv", "clip_predictions.csv", "checkpoint/best.params")) {
                    assertArrayEquals(Files.readAllBytes(runsA.get(prefix).resolve(f)), Files.readAllBytes(runsB.get(prefix).resolve(f)),
                            prefix + "/" + f);
                }
            }
            assertArrayEquals(Files.readAllBytes(a.resolve("splits.json")), Files.readAllBytes(b.resolve("splits.json")));
            assertEquals(comparable(a.resolve("summary.json")), comparable(b.resolve("summary.json")), "summary.json");
            assertEquals(sequential.rows().size(), spark.rows().size());
            assertTrue(log.stream().anyMatch(l -> l.contains("4 runs as 4 tasks")), log.toString());

            // a second run trains nothing: every task finds its finished folder. Its tasks plan the experiment
            // from the config text, as on a remote executor, and must arrive at the driver's run prefixes
            ExecutorState.release(spec);
            List<String> again = new ArrayList<>();
            new ExperimentRunner(dir, sparkRuns, again::add).run(resolved, new SparkRunGrid(sc, spec, again::add, false));
            assertEquals(runsB, runFolders(b), "no new run folder");
            assertEquals(4, again.stream().filter(l -> l.contains(" -> ") && l.contains("(on ")).count(), again.toString());
        } finally {
            ExecutorState.release(spec);
        }
    }

    /** Finished run folders by their prefix (the name without the start time). */
    private static Map<String, Path> runFolders(Path experiment) throws java.io.IOException {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(experiment)) {
            for (Path p : s.filter(p -> Files.isRegularFile(p.resolve("metrics.json"))).toList()) {
                String name = p.getFileName().toString();
                out.put(name.substring(0, name.length() - "yyyyMMdd-HHmmss".length()), p);
            }
        }
        return out;
    }

    /** summary.json without what differs between two trainings of the same runs: their cost and folder names (start times). */
    private static JsonNode comparable(Path summary) throws java.io.IOException {
        JsonNode n = JSON.readTree(summary.toFile());
        for (JsonNode row : n.get("rows")) {
            ((ObjectNode) row).remove("cost");
            ((ObjectNode) row).remove("runs");
        }
        return n;
    }
}
