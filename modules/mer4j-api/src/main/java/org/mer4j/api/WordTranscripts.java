package org.mer4j.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes the word transcript format the manifest points to: the BAH/Vosk word CSV,
 * one line per word, {@code start;end;word;confidence} with times in milliseconds. A header line
 * starting with {@code start} is allowed.
 */
public final class WordTranscripts {
    private WordTranscripts() {
    }

    /** Reads a word CSV; errors name the file, the line and what was expected. */
    public static List<TimedWord> read(Path file) throws IOException {
        List<TimedWord> words = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("start"))) {
                continue;
            }
            String[] parts = line.split(";", -1);
            if (parts.length < 3) {
                throw new IOException(file + " line " + (i + 1) + ": expected 'start;end;word;confidence' (ms), got '" + line + "'");
            }
            try {
                double start = Double.parseDouble(parts[0].strip()) / 1000.0;
                double end = Double.parseDouble(parts[1].strip()) / 1000.0;
                words.add(new TimedWord(parts[2].strip(), start, end));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage() + "; fix the times (milliseconds) or the word", e);
            }
        }
        return words;
    }

    /** Writes a word CSV with confidence 1.0, atomically (temp file then move). */
    public static void write(Path file, List<TimedWord> words) throws IOException {
        StringBuilder sb = new StringBuilder("start;end;word;confidence\n");
        for (TimedWord w : words) {
            sb.append(Math.round(w.start() * 1000)).append(';').append(Math.round(w.end() * 1000)).append(';')
                    .append(w.word()).append(";1.0\n");
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
