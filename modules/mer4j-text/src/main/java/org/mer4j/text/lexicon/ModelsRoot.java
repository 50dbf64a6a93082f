package org.mer4j.text.lexicon;

import java.nio.file.Path;

/**
 * Where installed models and lexicons live: system property {@code mer4j.models}, else
 * {@code $MER4J_MODELS}, else {@code <mer4j.home>/models}, else {@code <repo>/models} where the
 * repository is the nearest folder above the working directory holding {@code tools/mer4j} (as in
 * a module's tests), else {@code ./models}. The same rule as {@code tools/lexicons/install.sh}.
 */
public final class ModelsRoot {
    private ModelsRoot() {
    }

    /** The models root. */
    public static Path root() {
        String p = System.getProperty("mer4j.models");
        if (p == null || p.isBlank()) {
            p = System.getenv("MER4J_MODELS");
        }
        if (p == null || p.isBlank()) {
            String home = System.getProperty("mer4j.home");
            p = home == null || home.isBlank() ? repoModels() : Path.of(home, "models").toString();
        }
        return Path.of(p).toAbsolutePath().normalize();
    }

    private static String repoModels() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (java.nio.file.Files.isRegularFile(d.resolve("tools/mer4j"))) {
                return d.resolve("models").toString();
            }
        }
        return "models";
    }
}
