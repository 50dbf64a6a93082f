package org.mer4j.vision;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Locates /work/shared/data for tests and skips them when it is absent. */
final class SharedData {
    private SharedData() {
    }

    static Path root() {
        String prop = System.getProperty("mer4j.shared.data");
        Path p = prop != null ? Path.of(prop) : Path.of("../../../shared/data");
        return p.toAbsolutePath().normalize();
    }

    static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.isRegularFile(p), "shared data file " + p + " is absent: skipping the real-data test");
        return p;
    }
}
