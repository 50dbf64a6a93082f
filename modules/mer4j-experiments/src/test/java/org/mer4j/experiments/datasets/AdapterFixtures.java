package org.mer4j.experiments.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestIO;

/** The adapter fixtures under {@code src/test/resources/datasets/} and the checks every adapter's manifest must pass. */
public final class AdapterFixtures {
    private AdapterFixtures() {
    }

    /** A copy of fixture {@code name} in {@code dir}, so a test may damage it. */
    public static Path copy(String name, Path dir) throws IOException {
        Path src;
        try {
            var url = AdapterFixtures.class.getResource("/datasets/" + name);
            assertNotNull(url, "fixture datasets/" + name + " is on the test class path");
            src = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path dst = dir.resolve(name);
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.sorted().toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return dst;
    }

    /**
     * What {@code tools/mer4j validate} checks of a manifest, here for an adapter's: the in-memory
     * manifest validates with its files; written with {@link ManifestIO#write} and read back it has
     * no file problems, validates again and holds the same clips.
     */
    public static Manifest assertValidates(Manifest m, Path dir) throws IOException {
        ManifestIO.validate(m, m.root(), true);
        assertEquals(List.of(), ManifestIO.checkFiles(m), "every clip file exists inside the data root");
        Path file = Files.createDirectories(dir.resolve("written")).resolve("manifest.json");
        ManifestIO.write(file, m);
        Manifest back = ManifestIO.read(file);
        assertEquals(List.of(), ManifestIO.checkFiles(back), "the written manifest's files resolve");
        ManifestIO.validate(back, file, true);
        assertEquals(m.clips(), back.clips(), "the manifest round-trips through its file");
        assertEquals(m.classes(), back.classes());
        assertEquals(m.root().toRealPath(), back.root().toRealPath());
        assertTrue(m.clips().stream().allMatch(c -> c.subject() != null && !c.subject().isBlank()));
        return back;
    }

    public static Map<String, Clip> byId(Manifest m) {
        return m.clips().stream().collect(Collectors.toMap(Clip::id, Function.identity()));
    }
}
