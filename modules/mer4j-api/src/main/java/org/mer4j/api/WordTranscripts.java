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

    /** Reads a word CSV; errors name the file, the line and what was expected, quoting at most a short excerpt. */
    public static List<TimedWord> read(Path file) throws IOException {
        return read(file, true);
    }

    /**
     * As {@link #read(Path)}; with {@code quote} false the errors name the line and column but quote
     * nothing of the file (for files outside the data root).
     */
    public static List<TimedWord> read(Path file, boolean quote) throws IOException {
        List<TimedWord> words = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("start"))) {
                continue;
            }
            String[] parts = line.split(";", -1);
            if (parts.length < 3) {
                throw malformed(file, i + 1, file + " line " + (i + 1) + ": expected 'start;end;word;confidence' (ms), got " + shown(line, quote));
            }
            double start = ms(file, i + 1, "start", parts[0], quote);
            double end = ms(file, i + 1, "end", parts[1], quote);
            String word = parts[2].strip();
            if (word.isEmpty()) {
                throw malformed(file, i + 1, file + " line " + (i + 1) + ", column 'word': empty word; put the spoken word in it or remove the line");
            }
            if (!(start >= 0) || !(end >= start)) {
                throw malformed(file, i + 1, file + " line " + (i + 1) + ": word " + shown(word, quote) + " needs 0 <= start <= end, got "
                        + start + ".." + end + " s; fix the times (milliseconds)");
            }
            words.add(new TimedWord(word, start, end));
        }
        return words;
    }

    private static double ms(Path file, int line, String column, String cell, boolean quote) throws IOException {
        try {
            return Double.parseDouble(cell.strip()) / 1000.0;
        } catch (NumberFormatException e) {
            throw malformed(file, line, file + " line " + line + ", column '" + column + "': " + shown(cell.strip(), quote)
                    + " is not a number; give the time in milliseconds, e.g. 1250");
        }
    }

    private static String shown(String text, boolean quote) {
        return quote ? Excerpt.quote(text) : "(not quoted: the file is outside the data root)";
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

    private static MalformedFileException malformed(Path file, int line, String message) {
        return new MalformedFileException(file, line, null, message, null);
    }
}
