package org.mer4j.api;

import java.nio.file.Path;

/**
 * The mer4j cache root, as the launcher and the build set it: system property {@code mer4j.cache},
 * else {@code $MER4J_CACHE}, else the parent of {@code org.bytedeco.javacpp.cachedir} (which the
 * launcher and the Maven build point into the cache), else {@code <mer4j.home>/.cache}, else
 * {@code ./.cache}. Never {@code $HOME}.
 */
public final class Mer4jCache {
    private Mer4jCache() {
    }

    /** The cache root. */
    public static Path root() {
        String p = System.getProperty("mer4j.cache");
        if (p == null || p.isBlank()) {
            p = System.getenv("MER4J_CACHE");
        }
        String javacpp = System.getProperty("org.bytedeco.javacpp.cachedir");
        if ((p == null || p.isBlank()) && javacpp != null && !javacpp.isBlank() && Path.of(javacpp).getParent() != null) {
            p = Path.of(javacpp).getParent().toString();
        }
        if (p == null || p.isBlank()) {
            String home = System.getProperty("mer4j.home");
            p = home == null || home.isBlank() ? ".cache" : Path.of(home, ".cache").toString();
        }
        return Path.of(p).toAbsolutePath().normalize();
    }
}
