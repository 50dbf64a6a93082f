package org.mer4j.experiments.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mer4j.api.Clip;
import org.mer4j.api.ManifestException;

/** File-system helpers shared by the dataset adapters. */
final class CorpusFiles {
    private CorpusFiles() {
    }

    /** {@code root} as an absolute, normalised folder, or a {@link ManifestException} that names what it must hold. */
    static Path folder(Path corpus, String expectedLayout) {
        Path root = corpus.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new ManifestException("data.root " + root + ": not a folder; give " + expectedLayout);
        }
        return root;
    }

    /**
     * Every regular file under {@code dir} (following no links into other trees, skipping hidden
     * files and folders such as {@code .DS_Store}), sorted by path so the clip order does not depend
     * on the file system.
     */
    static List<Path> walk(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !hidden(dir, p)).filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The regular, not hidden files directly in {@code dir}, sorted. */
    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The not hidden sub-folders of {@code dir}, sorted. */
    static List<Path> folders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(Files::isDirectory).sorted().toList();
        }
    }

    private static boolean hidden(Path base, Path p) {
        for (Path part : base.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The lower-case extension of a file name, without the dot; "" when there is none. */
    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file name without its extension. */
    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }

    /** {@code file} relative to {@code root}, with forward slashes (manifest paths are portable). */
    static String relative(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * The lines of a text file: UTF-8 when it decodes as such, else ISO-8859-1 (annotation files of
     * older corpora are often Latin-1), so a stray byte never stops a load.
     */
    static List<String> lines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return List.of(text.split("\r\n|\n|\r", -1));
    }

    /**
     * The emotion classes of {@code order} that some clip uses (as its label or in its
     * distribution), in that documented order; what the manifest declares as {@code classes.emotion}
     * so the class index does not depend on which subset was loaded.
     */
    static Map<String, List<String>> emotionClasses(List<String> order, List<Clip> clips) {
        LinkedHashSet<String> used = new LinkedHashSet<>();
        for (Clip c : clips) {
            if (c.labels().emotion() != null) {
                used.add(c.labels().emotion());
            }
            if (c.labels().emotionDistribution() != null) {
                used.addAll(c.labels().emotionDistribution().keySet());
            }
        }
        List<String> out = new ArrayList<>();
        for (String k : order) {
            if (used.contains(k)) {
                out.add(k);
            }
        }
        return out.isEmpty() ? Map.of() : Map.of("emotion", out);
    }
}
