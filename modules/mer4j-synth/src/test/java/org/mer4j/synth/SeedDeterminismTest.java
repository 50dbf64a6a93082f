package org.mer4j.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed gives byte-identical label files; another seed gives different ones. */
class SeedDeterminismTest {

    @Test
    void sameSeedGivesIdenticalManifestTranscriptsAndDesignFiles(@TempDir Path tmp) throws IOException {
        SynthConfig cfg = SynthConfig.tiny(1234, 2, 1, 2.5);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        CorpusGenerator.generate(cfg, a);
        CorpusGenerator.generate(cfg, b);
        CorpusGenerator.generate(cfg.withSeed(1235), c);

        List<String> files = labelFiles(a);
        assertEquals(labelFiles(b), files, "same seed, same file set");
        assertEquals(1 + 1 + 2 + 2, files.size(), "manifest, corpus.json, 2 transcripts, 2 design files: " + files);
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
