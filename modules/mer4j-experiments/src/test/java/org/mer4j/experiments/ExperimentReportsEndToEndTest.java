package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;

/**
 * The experiment's extra tables on a small synthetic corpus. Robustness: each run is also scored with
 * audio noised and missing; the clean level equals the run's own test metric, a row that reads only
 * audio changes when audio is missing everywhere, and the experiment writes the table, the CSV and an
 * ECharts plot. Groups: with {@code report.groupBy: [half]} every run is scored on each half of its test
 * clips, and the by-group table shows both halves. Seeds: {@code seeds: [1, 2]} trains every row for
 * both seeds and folds; the summary tests the second row against the reference row over the 4 matched
 * runs, gives bootstrap intervals over test subjects, and writes the per-seed and per-fold tables.
 */
class ExperimentReportsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void probesEveryRunAndWritesTableAndPlot(@TempDir Path dir) throws Exception {
        SynthConfig q = SynthConfig.quickstart();
        CorpusGenerator.generate(new SynthConfig(5, 4, 2, 3.0, 160, 120, 10, 16000, q.videoBitrate(), 2, q.design()), dir.resolve("corpus"));
        // metadata for report.groupBy: each subject's first clip is half a, the other half b
        Path manifest = dir.resolve("corpus/manifest.json");
        ObjectNode tree = (ObjectNode) JSON.readTree(manifest.toFile());
        for (JsonNode clip : tree.get("clips")) {
            ((ObjectNode) clip).putObject("metadata").put("half", clip.get("id").asText().endsWith("c01") ? "a" : "b");
        }
        JSON.writeValue(manifest.toFile(), tree);
        Path config = dir.resolve("robust.yaml");
        Files.writeString(config, """
                experiment: robust
                seed: 3
                seeds: [1, 2]
                data: {manifest: corpus/manifest.json}
                features:
                  cacheDir: cache
                  extractors: [{name: prosody}, {name: word-tokens}]
                protocol: {folds: 2, valFraction: 0.25}
                tasks: [{type: ah}]
                train: {epochs: 4, batchSize: 4, modalityDropout: 0.3}
                robustness: {noise: [0, 3], missing: [0, 1], modalities: [audio], metrics: [ah_frame_macro_f1, ah_frame_ap]}
                report: {groupBy: [half], reference: audio only}
                rows:
                  - {name: audio only, modalities: [audio], fusion: {type: early-fusion, dModel: 16}}
                  - {name: audio+text, modalities: [audio, text], fusion: {type: early-fusion, dModel: 16}}
                """);
        List<String> log = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs"), log::add).run(ConfigLoader.load(config, List.of()));
        Path exp = dir.resolve("runs/robust");
        JsonNode summary = JSON.readTree(exp.resolve("summary.json").toFile());
        Path run = exp.resolve(summary.get("rows").get(0).get("runs").get(0).asText());
        double clean = JSON.readTree(run.resolve("metrics.json").toFile()).get("metrics").get("ah_frame_ap").asDouble();
        JsonNode probe = JSON.readTree(run.resolve("robustness.json").toFile());
        assertEquals(4, probe.size(), "audio x (noise 0, 3; missing 0, 1): " + probe);
        assertEquals(clean, probe.get(0).get("metrics").get("ah_frame_ap").asDouble(), 1e-12, "noise 0 is the clean test set");
        assertEquals(clean, probe.get(2).get("metrics").get("ah_frame_ap").asDouble(), 1e-12, "missing 0 is the clean test set");
        assertNotEquals(clean, probe.get(3).get("metrics").get("ah_frame_ap").asDouble(), "audio-only without audio cannot score the same");

        String md = Files.readString(exp.resolve("robustness.md"));
        assertTrue(md.contains("## ah_frame_macro_f1, audio missing") && md.contains("| audio+text |"), md);
        List<String> csv = Files.readAllLines(exp.resolve("robustness.csv"));
        assertEquals(1 + 2 * 2 * 2 * 2, csv.size(), "header + rows x kinds x levels x metrics: " + csv);
        String html = Files.readString(exp.resolve("robustness.html"));
        assertTrue(html.contains("echarts.init(") && html.contains("\"name\":\"audio only\"") && html.length() > 500_000,
                "self-contained page with the ECharts library and one series per row");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("robustness: 16 cells")), String.join("\n", log));

        JsonNode rows = summary.get("rows");
        assertEquals(4, rows.get(0).get("runs").size(), "2 folds x 2 seeds");
        assertEquals("audio only", summary.get("reference").asText());
        assertTrue(rows.get(1).get("pVsReference").get("ah_frame_macro_f1").asDouble() >= 0.125, "4 pairs: p >= 2/16");
        assertTrue(!rows.get(0).has("pVsReference") && rows.get(0).get("ci95").has("ah_frame_ap"), rows.get(0).toString());
        String table = Files.readString(exp.resolve("table.md"));
        assertTrue(table.contains("(4 runs per row)") && table.contains("95% bootstrap intervals over test subjects"), table);
        String bySeed = Files.readString(exp.resolve("table-by-seed.md"));
        assertTrue(bySeed.contains("| row | seed 1 | seed 2 |"), bySeed);
        assertTrue(Files.readString(exp.resolve("table-by-fold.md")).contains("| row | fold 0 | fold 1 |"));
        assertTrue(JSON.readTree(run.resolve("metrics.json").toFile()).get("subjects").size() >= 1);
        JsonNode cost = rows.get(1).get("cost");
        assertTrue(cost.get("parameters").get("mean").asDouble() > rows.get(0).get("cost").get("parameters").get("mean").asDouble(),
                "audio+text has more parameters than audio only: " + rows);
        assertTrue(cost.get("trainSeconds").get("mean").asDouble() > 0 && cost.get("peakRssMiB").get("mean").asDouble() > 50, cost.toString());
        assertTrue(table.contains("| train s | parameters | peak RSS MiB |"), table);

        JsonNode groups = JSON.readTree(run.resolve("metrics.json").toFile()).get("groups");
        assertTrue(groups.has("half=a") && groups.has("half=b"), groups.toString());
        String byHalf = Files.readString(exp.resolve("table-by-half.md"));
        assertTrue(byHalf.contains("| row | a | b |") && byHalf.contains("| audio+text |") && byHalf.contains("(n=4)"), byHalf);
        assertTrue(Files.readString(exp.resolve("table-by-half.csv")).startsWith("row,group,metric,mean,std,n\naudio only,a,"));
    }
}
