package org.mer4j.text.transcripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mer4j.api.Excerpt;

/**
 * The transcript readers by format name and by file extension. Built-in formats:
 * {@code srt}, {@code webvtt}, {@code whisper-json}, {@code textgrid}, {@code word-csv},
 * {@code meld-csv}. Where several readers share an extension ({@code .csv}) the first line of the
 * file decides ({@link TranscriptReader#recognises(String)}). Unknown names fail and list the known
 * ones; a duplicate name fails when registered.
 */
public final class TranscriptReaders {
    private final Map<String, TranscriptReader> byName = new LinkedHashMap<>();

    private TranscriptReaders() {
    }

    /** The built-in readers with default options. */
    public static TranscriptReaders defaults() {
        return new TranscriptReaders().with(new SrtReader()).with(new WebVttReader()).with(new WhisperJsonReader())
                .with(new TextGridReader()).with(new MeldCsvReader()).with(new WordCsvReader());
    }

    /** Adds a reader (e.g. a {@link TextGridReader} with a tier name); a name already taken fails. */
    public TranscriptReaders with(TranscriptReader reader) {
        if (byName.putIfAbsent(reader.format(), reader) != null) {
            throw new IllegalArgumentException("transcript format '" + reader.format() + "' is registered twice; use replace(...) to override it");
        }
        return this;
    }

    /** Replaces the reader of a format (e.g. to set options). */
    public TranscriptReaders replace(TranscriptReader reader) {
        byName.put(reader.format(), reader);
        return this;
    }

    /** Format names in registration order. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(byName.keySet()));
    }

    /** The reader of a format; unknown names fail listing the known ones. */
    public TranscriptReader byName(String format) {
        TranscriptReader r = byName.get(format == null ? "" : format.toLowerCase(Locale.ROOT));
        if (r == null) {
            throw new IllegalArgumentException("unknown transcript format '" + format + "'; known: " + names());
        }
        return r;
    }

    /** The reader for a file, chosen by extension and, when ambiguous, by its first line. */
    public TranscriptReader forFile(Path file) throws IOException {
        return forFile(file, file.getFileName().toString());
    }

    /**
     * As {@link #forFile(Path)}, with the extension taken from {@code name} (e.g. the name a
     * manifest gives a file that is a symbolic link to a file named otherwise).
     */
    public TranscriptReader forFile(Path file, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        List<TranscriptReader> candidates = new ArrayList<>();
        for (TranscriptReader r : byName.values()) {
            if (r.extensions().contains(ext)) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            List<String> exts = new ArrayList<>();
            byName.values().forEach(r -> r.extensions().forEach(e -> exts.add(r.format() + ":." + e)));
            throw new IllegalArgumentException(file + ": no transcript reader for extension '." + Excerpt.of(ext) + "'; known " + exts
                    + "; rename the file or name the format explicitly");
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String first = firstLine(file);
        for (TranscriptReader r : candidates) {
            if (r.recognises(first)) {
                return r;
            }
        }
        List<String> names = candidates.stream().map(TranscriptReader::format).toList();
        throw new IllegalArgumentException(file + ": first line " + Excerpt.quote(first) + " matches none of the '." + Excerpt.of(ext) + "' formats " + names
                + "; name the format explicitly");
    }

    /** Reads a file with the reader {@link #forFile(Path)} picks. */
    public Transcript read(Path file) throws IOException {
        return forFile(file).read(file);
    }

    /** Reads a file with the reader {@link #forFile(Path, String)} picks for {@code name}. */
    public Transcript read(Path file, String name) throws IOException {
        return forFile(file, name).read(file);
    }

    private static String firstLine(Path file) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        String text = TextDecoder.decode(head, file).text();
        for (String line : Lines.of(text)) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }
}
