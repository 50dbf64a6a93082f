package org.mer4j.experiments;

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
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;

/**
 * Cross-corpus: train and validate on the subjects of one synthetic corpus, test on every clip of
 * another (generated with another seed), after mapping its emotion classes; a class the map leaves
 * out is dropped and counted, and target ids carry the target's name.
 */
class CrossCorpusEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void trainsOnTheSourceAndTestsOnEveryMappedTargetClip(@TempDir Path dir) throws Exception {
        SynthConfig q = SynthConfig.quickstart();
        CorpusGenerator.generate(new SynthConfig(3, 4, 3, 3.0, 160, 120, 10, 16000, q.videoBitrate(), 2, q.design()), dir.resolve("a"));
        CorpusGenerator.generate(new SynthConfig(9, 3, 4, 3.0, 160, 120, 10, 16000, q.videoBitrate(), 2, q.design()), dir.resolve("b"));
        JsonNode b = JSON.readTree(dir.resolve("b/manifest.json").toFile());
        int targetClips = 0;
        int angry = 0;
        for (JsonNode c : b.get("clips")) {
            targetClips++;
            angry += c.get("labels").get("emotion").asText().equals("angry") ? 1 : 0;
        }
        Path config = dir.resolve("cross.yaml");
        Files.writeString(config, """
                experiment: cross
                seed: 2
                data: {manifest: a/manifest.json}
                features:
                  cacheDir: cache
                  extractors: [{name: prosody}, {name: word-tokens}]
                normalization: {scope: global}
                protocol:
                  type: cross-corpus
                  valFraction: 0.25
                  target:
                    name: synth-b
                    data: {manifest: b/manifest.json}
                    emotionMap: {neutral: neutral, happy: happy, sad: sad}
                tasks: [{type: ah}, {type: emotion, weight: 0.5}]
                train: {epochs: 3, batchSize: 4}
                rows:
                  - {name: audio+text, modalities: [audio, text], fusion: {type: early-fusion, dModel: 16}}
                """);
        List<String> log = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs"), log::add).run(ConfigLoader.load(config, List.of()));
        Path exp = dir.resolve("runs/cross");
        JsonNode folds = JSON.readTree(exp.resolve("splits.json").toFile()).get("folds");
        assertEquals(1, folds.size(), "one fold: source train/val, target test");
        assertEquals(4, folds.get(0).get("train").size() + folds.get(0).get("val").size(), "every source subject trains or validates");
        folds.get(0).get("test").forEach(s -> assertTrue(s.asText().startsWith("synth-b/"), s.asText()));
        JsonNode summary = JSON.readTree(exp.resolve("summary.json").toFile());
        Path run = exp.resolve(summary.get("rows").get(0).get("runs").get(0).asText());
        List<String> lines = Files.readAllLines(run.resolve("clip_predictions.csv"));
        assertEquals(targetClips - angry, lines.size() - 1, "every target clip whose class is mapped is tested");
        assertTrue(angry > 0, "the synthetic corpus has angry clips to drop");
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(l.startsWith("synth-b/"), l);
            assertTrue(!l.contains(",angry,angry,") && !l.split(",")[6].equals("angry"), "no unmapped class is scored: " + l);
        }
        JsonNode prov = JSON.readTree(run.resolve("provenance.json").toFile()).get("crossCorpusTarget");
        assertEquals(angry, prov.get("unmapped").asInt(), prov.toString());
        assertEquals("synth-b", prov.get("name").asText());
        String leftOut = angry + " left out";
        assertTrue(log.stream().anyMatch(l -> l.contains(leftOut)), String.join("\n", log));
    }

    @Test
    void crossCorpusNeedsATarget(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                experiment: bad
                data: {manifest: a/manifest.json}
                features: {extractors: [{name: prosody}]}
                protocol: {type: cross-corpus}
                tasks: [{type: ah}]
                rows: [{name: r, modalities: [audio], fusion: {type: early-fusion}}]
                """);
        Exception e = assertThrows(Exception.class, () -> ConfigLoader.load(config, List.of()));
        assertTrue(e.getMessage().contains("protocol.target"), e.getMessage());
    }
}
