package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;

/**
 * The personalisation protocol on a small synthetic corpus: two target subjects in turn, half of
 * each target's clips unlabelled for adaptation and half scored; the three adaptation methods are
 * compared on the same test clips of the target only; target-norm changes the test inputs of the
 * same source model, self-training retrains with pseudo-labelled target clips.
 */
class PersonalisationEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void adaptsToEachTargetSubjectAndScoresItsOwnTestClips(@TempDir Path dir) throws Exception {
        SynthConfig q = SynthConfig.quickstart();
        CorpusGenerator.generate(new SynthConfig(4, 4, 4, 3.0, 160, 120, 10, 16000, q.videoBitrate(), 2, q.design()), dir.resolve("corpus"));
        Path config = dir.resolve("personal.yaml");
        Files.writeString(config, """
                experiment: personal
                seed: 5
                data: {manifest: corpus/manifest.json}
                features:
                  cacheDir: cache
                  extractors: [{name: prosody}, {name: word-tokens}]
                normalization: {scope: global}
                protocol: {type: personalisation, targets: 2, adaptFraction: 0.5, valFraction: 0.25}
                tasks: [{type: ah}, {type: emotion, weight: 0.2}]
                train: {epochs: 3, batchSize: 4}
                rows:
                  - {name: source, modalities: [audio, text], fusion: {type: early-fusion, dModel: 16}}
                  - {name: target norm, modalities: [audio, text], fusion: {type: early-fusion, dModel: 16},
                     adaptation: {method: target-norm}}
                  - {name: self training, modalities: [audio, text], fusion: {type: early-fusion, dModel: 16},
                     adaptation: {method: self-training, minConfidence: 0.25}}
                """);
        List<String> log = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs"), log::add).run(ConfigLoader.load(config, List.of()));
        Path exp = dir.resolve("runs/personal");
        JsonNode summary = JSON.readTree(exp.resolve("summary.json").toFile());
        Map<String, List<Path>> runs = new HashMap<>();
        for (JsonNode row : summary.get("rows")) {
            List<Path> folders = new ArrayList<>();
            row.get("runs").forEach(r -> folders.add(exp.resolve(r.asText())));
            runs.put(row.get("name").asText(), folders);
        }
        assertEquals(2, runs.get("source").size(), "one run per target subject");
        for (int fold = 0; fold < 2; fold++) {
            Path source = runs.get("source").get(fold);
            Path norm = runs.get("target norm").get(fold);
            Path self = runs.get("self training").get(fold);
            JsonNode metrics = JSON.readTree(source.resolve("metrics.json").toFile());
            Set<String> subjects = new TreeSet<>();
            metrics.get("subjects").fieldNames().forEachRemaining(subjects::add);
            assertEquals(1, subjects.size(), "scored on the target subject only: " + subjects);
            List<String> clips = clipColumn(source, 0);
            assertEquals(2, clips.size(), "half of the target's 4 clips are test clips");
            assertTrue(clipColumn(source, 1).stream().allMatch(subjects::contains));
            assertEquals(clips, clipColumn(norm, 0), "every method is scored on the same test clips");
            assertEquals(clips, clipColumn(self, 0));
            assertNotEquals(probabilities(source), probabilities(norm), "target statistics change the test inputs");
            String selfLog = Files.readString(self.resolve("log.txt"));
            assertTrue(selfLog.contains("self-training round 1: 2 of 2 adaptation clips pseudo-labelled"), selfLog);
            assertNotEquals(probabilities(source), probabilities(self), "self-training retrains the model: " + selfLog);
            assertTrue(Files.isDirectory(self.resolve("checkpoint-self-training-0")), "the source model of round 0");
            assertTrue(Files.isDirectory(self.resolve("checkpoint")), "the retrained model is the run's checkpoint (what predict applies)");
        }
    }

    @Test
    void adaptationNeedsThePersonalisationProtocol(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                experiment: bad
                data: {manifest: corpus/manifest.json}
                features: {extractors: [{name: prosody}]}
                tasks: [{type: ah}]
                rows:
                  - {name: r, modalities: [audio], fusion: {type: early-fusion}, adaptation: {method: target-norm}}
                """);
        Exception e = assertThrows(Exception.class, () -> ConfigLoader.load(config, List.of()));
        assertTrue(e.getMessage().contains("rows[r].adaptation") && e.getMessage().contains("protocol.type: personalisation"), e.getMessage());
    }

    private static List<String> clipColumn(Path run, int column) throws Exception {
        return Files.readAllLines(run.resolve("clip_predictions.csv")).stream().skip(1).map(l -> l.split(",")[column]).toList();
    }

    private static List<String> probabilities(Path run) throws Exception {
        return Files.readAllLines(run.resolve("clip_predictions.csv")).stream().skip(1)
                .map(l -> l.substring(l.indexOf(',', l.indexOf(',') + 1))).toList();
    }
}
