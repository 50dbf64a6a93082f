package org.mer4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestIO;
import org.mer4j.experiments.datasets.DatasetAdapters;

/**
 * {@code mer4j validate} accepts what each dataset adapter builds from its fixture corpus (the
 * fixtures of mer4j-experiments' adapter tests, in each corpus's distributed layout), written the way
 * a run writes it ({@code <experiment>/data/manifest.json} beside the adapter's derived files).
 */
class AdapterManifestsValidateTest {
    private static final Path FIXTURES = Path.of("../mer4j-experiments/src/test/resources/datasets");

    @ParameterizedTest
    @ValueSource(strings = {"ravdess", "cremad", "iemocap", "mead", "ckplus", "folders"})
    void validateAcceptsTheAdaptersManifest(String adapter, @TempDir Path dir) throws Exception {
        Path fixture = FIXTURES.resolve(adapter);
        assertTrue(Files.isDirectory(fixture), "fixture corpus " + fixture.toAbsolutePath() + " (run from modules/mer4j-cli)");
        Path corpus = dir.resolve("corpus");
        try (Stream<Path> s = Files.walk(fixture)) {
            for (Path p : s.sorted().toList()) {
                Path t = corpus.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        Path work = Files.createDirectories(dir.resolve("runs/x/data"));
        Manifest m = DatasetAdapters.load().get(adapter).load(corpus, work, Map.of());
        Path file = work.resolve("manifest.json");
        ManifestIO.write(file, m);
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        int code;
        try {
            code = Main.execute("validate", file.toString());
        } finally {
            System.setOut(oldOut);
        }
        String text = out.toString();
        assertEquals(0, code, text);
        assertTrue(text.contains(": OK, " + m.clips().size() + " clips"), text);
    }
}
