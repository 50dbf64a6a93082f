package org.mer4j.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The immutable folder of one run (one row x one fold):
 * {@code runs/<experiment>/<row>-f<fold>-<confighash8>-s<seed>-<time>/}. A run is written into a
 * hidden temporary folder and renamed when its metrics are complete, so a finished folder is never
 * half-written and an interrupted experiment resumes by reusing finished folders with the same
 * row, fold, run key and seed, and by continuing an unfinished run from its checkpoint.
 */
public final class RunFolder {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolder() {
    }

    /** Folder-name prefix that identifies a run up to its start time. */
    public static String prefix(String row, int fold, String configHash, long seed) {
        return slug(row) + "-f" + fold + "-" + configHash.substring(0, 8) + "-s" + seed + "-";
    }

    /** A finished run with this prefix, if any (the newest). */
    public static Optional<Path> findFinished(Path experimentDir, String prefix) throws IOException {
        if (!Files.isDirectory(experimentDir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(experimentDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> Files.isRegularFile(p.resolve("metrics.json")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        }
    }

    /**
     * The hidden working folder of a run that is about to start: {@code .running-<prefix>}. When an
     * earlier attempt of the same run (same prefix: row, fold, run key, seed) was interrupted, its
     * folder is returned as it is, so training resumes from its checkpoint.
     */
    public static Path startOrResume(Path experimentDir, String prefix) throws IOException {
        Files.createDirectories(experimentDir);
        Path dir = experimentDir.resolve(".running-" + prefix);
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * Deletes the hidden working folders ({@code .running-<prefix>}) whose prefix is not one of
     * {@code planned}: interrupted runs of an earlier config, code or data, which no rerun of the
     * current experiment can resume. Folders of planned runs stay (a failed run is retried there).
     *
     * @return how many were removed
     */
    public static int removeStale(Path experimentDir, java.util.Set<String> planned) throws IOException {
        if (!Files.isDirectory(experimentDir)) {
            return 0;
        }
        java.util.List<Path> stale;
        try (Stream<Path> s = Files.list(experimentDir)) {
            stale = s.filter(p -> p.getFileName().toString().startsWith(".running-"))
                    .filter(p -> !planned.contains(p.getFileName().toString().substring(".running-".length())))
                    .filter(Files::isDirectory).toList();
        }
        for (Path dir : stale) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return stale.size();
    }

    /** Renames a completed temporary folder to its final, timestamped name. */
    public static Path finish(Path temporary, Path experimentDir, String prefix) throws IOException {
        Path target = experimentDir.resolve(prefix + LocalDateTime.now().format(TIME));
        int n = 1;
        while (Files.exists(target)) {
            target = experimentDir.resolve(prefix + LocalDateTime.now().format(TIME) + "-" + n++);
        }
        return Files.move(temporary, target);
    }

    /** Lower-case file-name-safe version of a row name. */
    public static String slug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "row" : s;
    }
}
