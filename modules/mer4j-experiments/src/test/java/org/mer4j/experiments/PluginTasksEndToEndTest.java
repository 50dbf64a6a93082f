package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;

/**
 * A fusion model written outside the framework ({@code test-late-heads}, registered only in this
 * module's test class path, with per-modality heads from the framework's head API) trains a
 * step-level valence head and an inconsistency head just by naming the tasks in YAML; and the same
 * config run twice from scratch gives identical metrics.
 */
class PluginTasksEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thirdPartyFusionTrainsValenceAndInconsistencyAndTwoRunsAgreeExactly(@TempDir Path dir) throws Exception {
        SynthConfig q = SynthConfig.quickstart();
        CorpusGenerator.generate(new SynthConfig(9, 6, 2, 3.0, 160, 120, 10, 16000, q.videoBitrate(), 2, q.design()),
                dir.resolve("corpus"));
        Path config = dir.resolve("plugin.yaml");
        Files.writeString(config, """
                experiment: plugin
                seed: 3
                data: {manifest: corpus/manifest.json}
                features:
                  cacheDir: cache
                  videoFps: 5
                  extractors: [{name: face-hog}, {name: prosody}, {name: word-tokens}]
                protocol: {folds: 2, valFraction: 0.25}
                tasks:
                  - {type: valence, level: step}
                  - {type: inconsistency, weight: 0.5}
                train: {epochs: 3, batchSize: 4, optimizer: adamw, weightDecay: 0.01, schedule: {type: cosine, warmupEpochs: 1}, clipGradNorm: 1}
                rows:
                  - {name: late heads, modalities: [video, audio, text], fusion: {type: test-late-heads, width: 8}}
                  - {name: early, modalities: [video, audio, text], fusion: {type: early-fusion, dModel: 16}}
                """);
        List<String> log = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs-a"), log::add).run(ConfigLoader.load(config, List.of()));
        new ExperimentRunner(dir, dir.resolve("runs-b"), log::add).run(ConfigLoader.load(config, List.of()));

        JsonNode a = JSON.readTree(dir.resolve("runs-a/plugin/summary.json").toFile());
        JsonNode b = JSON.readTree(dir.resolve("runs-b/plugin/summary.json").toFile());
        for (int r = 0; r < 2; r++) {
            JsonNode metrics = a.get("rows").get(r).get("metrics");
            for (String k : List.of("valence_ccc", "valence_rmse", "valence_clip_ccc", "inconsistency_frame_macro_f1", "inconsistency_clip_macro_f1")) {
                assertEquals(2, metrics.get(k).get("n").asInt(), k + " in " + metrics);
            }
            assertEquals(metrics, b.get("rows").get(r).get("metrics"), "the same config and seed give identical metrics");
        }
        assertTrue(a.get("rows").get(0).get("metrics").get("valence_rmse").get("mean").asDouble() < 1.0, a.toString());
        String table = Files.readString(dir.resolve("runs-a/plugin/table.md"));
        assertTrue(table.contains("valence_ccc") && !table.contains("ah_frame"), "only the configured tasks' columns: " + table);
        Path run = dir.resolve("runs-a/plugin").resolve(a.get("rows").get(0).get("runs").get(0).asText());
        String header = Files.readAllLines(run.resolve("predictions.csv")).get(0);
        assertEquals("clip_id,subject,step,time_s,valence_true,valence_pred,inconsistency_true,inconsistency_prob", header);
    }
}
