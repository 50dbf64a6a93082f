package org.mer4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.experiments.ConfigLoader;
import org.mer4j.experiments.ExperimentRunner;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;

/**
 * A tiny experiment made in-process (synthetic corpus with a {@code gender} in the manifest metadata,
 * A/H + inconsistency + emotion, two rows, two folds), then its report: every run writes
 * {@code history.csv} with the epochs of its log; the breakdowns recomputed from the prediction files
 * agree with the runs' own metrics; a run folder made before history.csv falls back to its log, one
 * with neither says "no curve"; and in headless Chromium every chart of the page is drawn with data
 * (skipped where chromium is not installed). Then {@code compare} on two of its runs.
 */
class ExperimentReportEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reportOfATinyExperimentRendersEveryChartWithData(@TempDir Path dir) throws Exception {
        SynthConfig q = SynthConfig.quickstart();
        CorpusGenerator.generate(new SynthConfig(11, 6, 3, 3.0, 160, 120, 10, 16000, q.videoBitrate(), 2, q.design()), dir.resolve("corpus"));
        Path manifest = dir.resolve("corpus/manifest.json");
        ObjectNode tree = (ObjectNode) JSON.readTree(manifest.toFile());
        for (JsonNode clip : tree.get("clips")) {
            int subject = Integer.parseInt(clip.get("subject").asText().replaceAll("\\D", ""));
            ((ObjectNode) clip).putObject("metadata").put("gender", subject % 2 == 0 ? "female" : "male");
        }
        JSON.writeValue(manifest.toFile(), tree);
        Path config = Files.writeString(dir.resolve("tiny.yaml"), """
                experiment: tiny
                seed: 5
                data: {manifest: corpus/manifest.json}
                features:
                  cacheDir: cache
                  extractors: [{name: prosody}, {name: word-tokens}]
                protocol: {folds: 2, valFraction: 0.25}
                tasks: [{type: ah}, {type: inconsistency}, {type: emotion, weight: 0.2}]
                train: {epochs: 4, batchSize: 4, selectBy: ah_frame_macro_f1}
                rows:
                  - {name: audio only, modalities: [audio], fusion: {type: early-fusion, dModel: 16}}
                  - {name: audio+text, modalities: [audio, text], fusion: {type: early-fusion, dModel: 16}}
                """);
        new ExperimentRunner(dir, dir.resolve("runs"), line -> { }).run(ConfigLoader.load(config, List.of()));
        Path exp = dir.resolve("runs/tiny");
        ExperimentRuns runs = ExperimentRuns.load(exp);
        assertEquals(4, runs.all().size(), "2 rows x 2 folds");

        double worst = 0;
        for (ExperimentRuns.Run run : runs.all()) {
            List<String> epochLines = Files.readAllLines(run.dir().resolve("log.txt")).stream().filter(l -> l.startsWith("epoch ")).toList();
            TrainingHistory.Curve curve = TrainingHistory.read(run.dir()).orElseThrow();
            assertEquals("history.csv", curve.source());
            assertEquals(epochLines.size(), curve.epochs().size(), "one history line per epoch line of the log");
            List<org.mer4j.train.EpochRecord> fromLog = TrainingHistory.parseLog(epochLines);
            for (int i = 0; i < fromLog.size(); i++) {
                assertEquals(fromLog.get(i).trainLoss(), curve.epochs().get(i).trainLoss(), 5e-7, "the log prints 6 decimals");
                assertEquals(fromLog.get(i).validation().keySet(), curve.epochs().get(i).validation().keySet());
                assertTrue(curve.epochs().get(i).validation().containsKey("ah_frame_macro_f1"));
            }
            // what the report recomputes for subsets follows the tasks' own metric definitions
            Map<String, Double> recomputed = RunPredictions.read(run.dir()).metrics(clip -> true);
            JsonNode recorded = run.metrics().get("metrics");
            assertTrue(recomputed.keySet().containsAll(List.of("ah_frame_ap", "ah_video_macro_f1", "inconsistency_clip_accuracy", "emotion_uar")),
                    recomputed.toString());
            for (Map.Entry<String, Double> e : recomputed.entrySet()) {
                assertTrue(recorded.has(e.getKey()), "metrics.json has " + e.getKey());
                double d = Math.abs(e.getValue() - recorded.get(e.getKey()).asDouble());
                worst = Math.max(worst, d);
                assertTrue(d < 1e-4, e.getKey() + ": recomputed " + e.getValue() + " vs recorded " + recorded.get(e.getKey()));
            }
        }
        System.out.println("report e2e: largest |recomputed - recorded| metric difference " + worst);

        // a run folder from before history.csv, and one with neither history nor epoch lines
        Path old = runs.rows().get("audio+text").get(0).dir();
        Files.delete(old.resolve(TrainingHistory.FILE));
        Path bare = runs.rows().get("audio+text").get(1).dir();
        Files.delete(bare.resolve(TrainingHistory.FILE));
        Files.writeString(bare.resolve("log.txt"), "row=audio+text fold=1\n");

        Path report = ExperimentReport.write(exp);
        assertEquals(exp.resolve("report.html"), report);
        String html = Files.readString(report);
        assertTrue(html.length() > 500_000 && !html.contains("<script src="), "ECharts inlined, nothing fetched");
        assertTrue(html.contains(bare.getFileName() + "): no curve (no history.csv and no epoch lines in log.txt)"), "no curve message");
        assertTrue(html.contains("1 curve(s) read from log.txt"), "the old run's curve comes from its log");
        assertTrue(html.contains("\"name\":\"val ah_frame_macro_f1\""), "the selection metric is plotted");
        for (String level : List.of("ah frame", "ah video", "inconsistency frame", "inconsistency clip")) {
            assertTrue(html.contains("\"text\":\"" + level + "\""), "precision-recall chart " + level);
        }
        assertTrue(html.contains("\"type\":\"heatmap\",\"name\":\"share of true class\""), "emotion confusion matrix");
        assertTrue(html.contains("\"name\":\"gender=female\"") && html.contains("\"name\":\"gender=male\""), "per-gender charts");
        assertTrue(html.contains("<td>configSha256</td>") && html.contains("<td>environment.versions.djl</td>"), "provenance summary");
        assertTrue(html.contains("What differs between runs:"), "per-run provenance");

        HeadlessChromium.Rendered rendered = HeadlessChromium.render(report, dir);
        rendered.assertEveryChartHasData();
        int metrics = runs.metricKeys().size();
        // 1 summary bar chart, 3 curves, 2 confusion matrices, 4 PR charts, a subject heat map and a gender chart per metric
        assertEquals(1 + 3 + 2 + 4 + metrics + metrics, rendered.charts().size(), "charts on the page");
        System.out.println("report e2e: " + rendered.charts().size() + " charts rendered, "
                + rendered.charts().stream().mapToInt(HeadlessChromium.Chart::points).sum() + " data items");

        String diff = RunComparison.compare(runs.rows().get("audio only").get(0).dir(), old);
        assertTrue(diff.contains("== config (config.resolved.yaml) ==\n  identical ("), diff);
        assertTrue(diff.lines().anyMatch(l -> l.matches("\\s+row\\s+audio only\\s+audio\\+text")), diff);
        assertTrue(diff.lines().anyMatch(l -> l.strip().startsWith("ah_frame_macro_f1 ")), diff);
    }
}
