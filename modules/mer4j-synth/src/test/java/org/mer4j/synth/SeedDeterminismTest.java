package org.mer4j.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Clip;
import org.mer4j.api.LabelTraces;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestIO;

/**
 * Same seed gives byte-identical label files (manifest, corpus.json, transcripts, traces, design
 * files); another seed gives different ones; the written manifest reads back with its traces.
 */
class SeedDeterminismTest {

    @Test
    void sameSeedGivesIdenticalManifestTranscriptsTracesAndDesignFiles(@TempDir Path tmp) throws IOException {
        SynthConfig cfg = SynthConfig.tiny(1234, 2, 1, 2.5);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        CorpusGenerator.generate(cfg, a);
        CorpusGenerator.generate(cfg, b);
        CorpusGenerator.generate(cfg.withSeed(1235), c);

        List<String> files = labelFiles(a);
        assertEquals(labelFiles(b), files, "same seed, same file set");
        assertEquals(1 + 1 + 2 + 2 + 2, files.size(), "manifest, corpus.json, 2 transcripts, 2 traces, 2 design files: " + files);
        assertTrue(files.contains("traces/s01_c01.csv") && files.contains("traces/s02_c01.csv"), "one trace per clip: " + files);
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs between runs with the same seed");
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("manifest.json")), Files.readAllBytes(c.resolve("manifest.json")))
                && java.util.Arrays.equals(Files.readAllBytes(a.resolve("design/s01_c01.json")), Files.readAllBytes(c.resolve("design/s01_c01.json"))),
                "a different seed must give a different corpus");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("transcripts/s01_c01.words.csv")),
                Files.readAllBytes(c.resolve("transcripts/s01_c01.words.csv"))), "a different seed must give different words");
    }

    @Test
    void writtenManifestDeclaresClassesDurationsAndLoadsTheTraces(@TempDir Path tmp) throws IOException {
        SynthConfig cfg = SynthConfig.tiny(99, 1, 2, 3.0);
        Manifest generated = CorpusGenerator.generate(cfg, tmp);
        Manifest read = ManifestIO.read(tmp.resolve("manifest.json"));
        ManifestIO.validate(read, tmp.resolve("manifest.json"), true);
        assertEquals(Map.of("emotion", List.of("neutral", "happy", "sad", "angry")), read.classes());
        List<ClipPlan> plans = CorpusGenerator.plan(cfg).clips();
        for (int i = 0; i < plans.size(); i++) {
            ClipPlan p = plans.get(i);
            Clip clip = read.clips().get(i);
            assertEquals(p.clipId(), clip.id());
            assertEquals(cfg.clipSeconds(), clip.duration());
            assertEquals(p.baseEmotion().key(), clip.labels().emotion());
            LabelTraces traces = clip.labels().traces();
            assertTrue(traces.loaded(), "ManifestIO loads the trace file");
            assertEquals("traces/" + p.clipId() + ".csv", traces.file());
            assertEquals(p.traces(), traces, "the CSV holds exactly the planned samples");
            assertEquals(p.labels(), clip.labels(), "labels survive the round trip");
            assertEquals(generated.clips().get(i), clip, "generate() returns what the manifest file holds");
        }
    }

    @Test
    void planningIsIndependentOfRenderingAndRepeatable() {
        SynthConfig cfg = SynthConfig.quickstart();
        assertEquals(CorpusGenerator.plan(cfg), CorpusGenerator.plan(cfg));
        assertFalse(CorpusGenerator.plan(cfg).equals(CorpusGenerator.plan(cfg.withSeed(43))));
    }

    private static List<String> labelFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("media/")).sorted().toList();
        }
    }
}
