package org.mer4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void configWithUnknownKeyFailsNamingTheKey(@TempDir Path dir) throws Exception {
        Path quickstart = Path.of(System.getProperty("mer4j.home", "../..")).resolve("configs/quickstart.yaml");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(quickstart).replace("  batchSize: 8", "  batchSize: 8\n  learningRat: 0.01"));
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int code;
        try {
            code = Main.execute("run", bad.toString());
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(2, code);
        assertTrue(err.toString().contains("train.learningRat: unknown key"), err.toString());
        assertTrue(err.toString().contains("learningRate"), "lists the known keys: " + err);
    }

    @Test
    void quickstartConfigResolvesAgainstEveryRegisteredPlugin() {
        Path quickstart = Path.of(System.getProperty("mer4j.home", "../..")).resolve("configs/quickstart.yaml");
        var resolved = org.mer4j.experiments.ConfigLoader.load(quickstart, java.util.List.of());
        assertEquals("quickstart", resolved.config().experiment());
        assertEquals(5, resolved.config().rows().size());
        var extractors = org.mer4j.features.ExtractorRegistry.load();
        resolved.config().features().extractors().forEach(e -> assertTrue(extractors.names().contains(e.name()), e.name()));
    }
}
