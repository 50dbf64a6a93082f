package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Manifest;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;

/**
 * A whole experiment over a corpus with hostile clips: a transcript that is a symbolic link to a
 * private file outside the data root, one that is a named pipe (which used to hang the run
 * forever), and one far over the size limit. Each is skipped under its reason, the others train,
 * and nothing of the private file reaches the log or any provenance.json, even when outside paths
 * are allowed.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BadInputEndToEndTest {
    private static final String SECRET = "PRIVATE-KEY-LINE do not copy me";

    @Test
    void hostileClipFilesAreSkippedAndNeverQuoted(@TempDir Path dir) throws Exception {
        SynthConfig q = SynthConfig.quickstart();
        SynthConfig small = new SynthConfig(4, 6, 2, 3.0, 160, 120, 10, 16000, q.videoBitrate(), 2, q.design());
        Manifest manifest = CorpusGenerator.generate(small, dir.resolve("corpus"));
        Path secret = Files.writeString(dir.resolve("private.csv"), SECRET + "\n");
        Path linked = manifest.resolve(manifest.clips().get(0).transcript());
        Files.delete(linked);
        Files.createSymbolicLink(linked, secret);
        Path piped = manifest.resolve(manifest.clips().get(1).transcript());
        Files.delete(piped);
        Process p = new ProcessBuilder("mkfifo", piped.toString()).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available here");
        Path big = manifest.resolve(manifest.clips().get(2).transcript());
        Files.writeString(big, Files.readString(big).repeat(400));

        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                experiment: bad-input
                seed: 1
                data: {manifest: corpus/manifest.json}
                features:
                  cacheDir: cache
                  extractors: [{name: prosody}, {name: word-tokens}]
                  limits: {maxTranscriptBytes: 20000}
                protocol: {folds: 2, valFraction: 0.25}
                tasks: [{type: ah}]
                train: {epochs: 1, batchSize: 4}
                rows:
                  - {name: audio+text, modalities: [audio, text], fusion: {type: early-fusion}}
                """);
        List<String> log = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs"), log::add).run(ConfigLoader.load(config, List.of()));
        JsonNode prov = provenance(dir.resolve("runs/bad-input"));
        JsonNode reasons = prov.get("skippedByReason");
        assertEquals(1, reasons.get("outside-data-root").asInt(), reasons.toString());
        assertEquals(1, reasons.get("not-a-regular-file").asInt(), reasons.toString());
        assertEquals(1, reasons.get("transcript-too-large").asInt(), reasons.toString());
        assertEquals(manifest.clips().size() - 3, prov.get("clipsUsed").asInt());
        assertFalse(prov.toString().contains("PRIVATE-KEY"), prov.toString());
        assertFalse(String.join("\n", log).contains("PRIVATE-KEY"));

        // allowed outside the root: the linked file is read, found malformed, and still not quoted
        List<String> allowedLog = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs"), allowedLog::add).run(ConfigLoader.load(config,
                List.of("data.allowOutsideRoot=true", "experiment=bad-input-allowed")));
        JsonNode allowed = provenance(dir.resolve("runs/bad-input-allowed"));
        assertEquals(1, allowed.get("skippedByReason").get("bad-transcript").asInt(), allowed.toString());
        assertTrue(allowed.get("data").get("allowOutsideRoot").asBoolean(), allowed.get("data").toString());
        assertTrue(allowed.toString().contains("outside the data root"), allowed.toString());
        assertFalse(allowed.toString().contains("PRIVATE-KEY"), allowed.toString());
        assertFalse(String.join("\n", allowedLog).contains("PRIVATE-KEY"));
    }

    private static JsonNode provenance(Path experiment) throws Exception {
        try (Stream<Path> files = Files.walk(experiment)) {
            Path first = files.filter(f -> f.getFileName().toString().equals("provenance.json")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(first.toFile());
        }
    }
}
