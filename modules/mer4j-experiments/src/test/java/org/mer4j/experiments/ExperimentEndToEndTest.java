package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Manifest;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;

/**
 * The whole path on a tiny synthetic corpus with one corrupt MP4: extraction skips and reports that
 * clip, every row and fold still produces a run folder, and the summary has the documented shape.
 * A rerun resumes from the finished folders.
 */
class ExperimentEndToEndTest {

    @Test
    void corruptClipIsSkippedAndReportedWhileTheOthersComplete(@TempDir Path dir) throws Exception {
        SynthConfig q = SynthConfig.quickstart();
        SynthConfig small = new SynthConfig(5, 6, 2, 3.0, 160, 120, 10, 16000, q.videoBitrate(), 2, q.design());
        Manifest manifest = CorpusGenerator.generate(small, dir.resolve("corpus"));
        Path corrupt = manifest.resolve(manifest.clips().get(0).video());
        Files.write(corrupt, "this is not an mp4 file".getBytes());

        Path config = dir.resolve("e2e.yaml");
        Files.writeString(config, """
                experiment: e2e
                seed: 1
                data: {manifest: corpus/manifest.json}
                features:
                  cacheDir: cache
                  videoFps: 5
                  extractors: [{name: face-hog}, {name: prosody}, {name: word-tokens}]
                protocol: {folds: 3, valFraction: 0.25}
                tasks: [{type: ah}, {type: inconsistency}, {type: emotion, weight: 0.5}]
                train: {epochs: 2, batchSize: 4}
                rows:
                  - {name: audio only, modalities: [audio], fusion: {type: early-fusion}}
                  - {name: cross, modalities: [video, audio, text], fusion: {type: cross-attention, dModel: 16}}
                """);
        List<String> log = new ArrayList<>();
        ExperimentRunner runner = new ExperimentRunner(dir, dir.resolve("runs"), log::add);
        runner.run(ConfigLoader.load(config, List.of()));

        Path exp = dir.resolve("runs/e2e");
        JsonNode summary = new ObjectMapper().readTree(exp.resolve("summary.json").toFile());
        assertEquals("e2e", summary.get("experiment").asText());
        assertEquals(2, summary.get("rows").size());
        for (JsonNode row : summary.get("rows")) {
            for (String k : List.of("ah_frame_macro_f1", "ah_frame_ap", "ah_video_macro_f1", "inconsistency_frame_macro_f1",
                    "inconsistency_clip_macro_f1", "emotion_accuracy", "emotion_uar")) {
                JsonNode m = row.get("metrics").get(k);
                assertEquals(3, m.get("n").asInt(), k);
                assertTrue(m.get("mean").isNumber() && m.get("std").isNumber(), k);
            }
            assertEquals(3, row.get("runs").size());
            for (JsonNode run : row.get("runs")) {
                Path folder = exp.resolve(run.asText());
                for (String f : List.of("config.resolved.yaml", "metrics.json", "predictions.csv", "clip_predictions.csv", "provenance.json",
                        "log.txt", "checkpoint/best.params", "checkpoint/state.json")) {
                    assertTrue(Files.isRegularFile(folder.resolve(f)), folder + "/" + f);
                }
                JsonNode prov = new ObjectMapper().readTree(folder.resolve("provenance.json").toFile());
                assertEquals(1, prov.get("skippedByReason").get("unreadable-media").asInt(), prov.toString());
                assertEquals(11, prov.get("clipsUsed").asInt());
                assertTrue(prov.get("threads").get("torchIntraOpThreads").asInt() >= 1, prov.toString());
                String header = Files.readAllLines(folder.resolve("predictions.csv")).get(0);
                assertEquals("clip_id,subject,step,time_s,ah_true,ah_prob,inconsistency_true,inconsistency_prob", header);
            }
        }
        assertTrue(Files.readString(exp.resolve("table.md")).contains("| cross |"));
        assertTrue(log.stream().anyMatch(l -> l.contains("skipped " + manifest.clips().get(0).id())), log.toString());

        // a cached track truncated on disk is detected, deleted and recomputed (to the same content, so the runs stay valid)
        Path values;
        try (var files = Files.walk(dir.resolve("cache"))) {
            values = files.filter(f -> f.getFileName().toString().equals("values.npy")).sorted().findFirst().orElseThrow();
        }
        byte[] full = Files.readAllBytes(values);
        Files.write(values, java.util.Arrays.copyOf(full, full.length / 2));
        List<String> again = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs"), again::add).run(ConfigLoader.load(config, List.of()));
        assertTrue(again.stream().anyMatch(l -> l.contains("recomputed damaged entry") && l.contains("truncated")), again.toString());
        assertTrue(again.stream().anyMatch(l -> l.contains("1 damaged cache entries recomputed")), again.toString());
        assertArrayEquals(full, Files.readAllBytes(values), "recomputed to the same bytes");
        assertEquals(6, again.stream().filter(l -> l.contains("finished earlier")).count(), again.toString());

        // an edited label changes what the runs learn from: none is reused
        Path manifestFile = dir.resolve("corpus/manifest.json");
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode m = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(manifestFile.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode labels = (com.fasterxml.jackson.databind.node.ObjectNode) m.get("clips").get(1).get("labels");
        String before = labels.get("emotion").asText();
        String other = null;
        for (JsonNode c : m.get("clips")) {
            if (!c.get("labels").get("emotion").asText().equals(before)) {
                other = c.get("labels").get("emotion").asText();
            }
        }
        labels.put("emotion", other);
        json.writeValue(manifestFile.toFile(), m);
        List<String> relabelled = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs"), relabelled::add).run(ConfigLoader.load(config, List.of()));
        assertEquals(0, relabelled.stream().filter(l -> l.contains("finished earlier")).count(), relabelled.toString());

        // a cache that cannot be written is an I/O failure that stops the experiment, not a column of skipped clips
        Files.writeString(dir.resolve("not-a-folder"), "x");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(config).replace("cacheDir: cache", "cacheDir: not-a-folder/cache")
                .replace("experiment: e2e", "experiment: e2e-broken"));
        Exception e = assertThrows(Exception.class,
                () -> new ExperimentRunner(dir, dir.resolve("runs"), l -> { }).run(ConfigLoader.load(broken, List.of())));
        Throwable c = e;
        while (c != null && !(c instanceof org.mer4j.features.FeatureStoreException)) {
            c = c.getCause();
        }
        assertTrue(c != null && c.getMessage().contains("cannot write to the feature cache"), String.valueOf(e));
        assertTrue(Files.notExists(dir.resolve("runs/e2e-broken/summary.json")), "no table from the survivors");
    }
}
