package org.mer4j.text.transcripts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mer4j.api.Excerpt;

/**
 * The BAH / Vosk word CSV (Belharbi et al. 2025): {@code start;end;word;confidence}, times in
 * milliseconds, optional header line starting with {@code start}; the same format as
 * {@link org.mer4j.api.WordTranscripts}, read here with the shared encoding repair and error policy.
 * The confidence column is optional.
 */
public final class WordCsvReader implements TranscriptReader {
    /** Format name. */
    public static final String FORMAT = "word-csv";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public List<String> extensions() {
        return List.of("csv", "txt");
    }

    @Override
    public boolean recognises(String firstLine) {
        String s = firstLine.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("start;") || s.matches("\\d+(\\.\\d+)?;.*");
    }

    @Override
    public Transcript read(Path file) throws IOException {
        RepairLog log = new RepairLog();
        List<String> lines = Lines.of(TextDecoder.read(file, log));
        List<RawWord> words = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (words.isEmpty() && line.toLowerCase(Locale.ROOT).startsWith("start"))) {
                continue;
            }
            String[] parts = line.split(";", -1);
            if (parts.length < 3) {
                throw TranscriptException.at(file, i + 1, "columns", parts.length + " column(s) in " + Excerpt.quote(line),
                        "'start;end;word;confidence' with times in milliseconds", "separate the columns with ';'");
            }
            double start = ms(file, i + 1, "start", parts[0]);
            double end = ms(file, i + 1, "end", parts[1]);
            words.add(new RawWord(parts[2].strip(), start, end, i + 1, "word"));
        }
        return new Transcript(file, format(), WordTimeline.finish(file, words, log), log.report());
    }

    private static double ms(Path file, int line, String field, String value) throws TranscriptException {
        try {
            return Double.parseDouble(value.strip()) / 1000.0;
        } catch (NumberFormatException e) {
            throw TranscriptException.at(file, line, field, Excerpt.quote(value.strip()) + " is not a number",
                    "a time in milliseconds, e.g. 1250", "fix the time");
        }
    }
}
