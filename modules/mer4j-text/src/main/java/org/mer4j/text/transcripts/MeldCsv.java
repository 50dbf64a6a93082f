package org.mer4j.text.transcripts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mer4j.api.Excerpt;

/**
 * Reads MELD's utterance CSVs ({@code train_sent_emo.csv}, {@code dev_sent_emo.csv},
 * {@code test_sent_emo.csv}; Poria et al., ACL 2019): columns {@code Sr No., Utterance, Speaker,
 * Emotion, Sentiment, Dialogue_ID, Utterance_ID, Season, Episode, StartTime, EndTime}, comma
 * separated, quoted fields may hold commas and line breaks, times {@code hh:mm:ss,mmm}.
 * Columns are found by header name (case, spaces and punctuation ignored), in any order;
 * {@code Utterance, Dialogue_ID, Utterance_ID, StartTime, EndTime} are required, the others
 * optional. The bytes go through {@link TextDecoder}: MELD's files mix Windows-1252 bytes and
 * mojibake such as {@code â€™}, which are repaired and counted, never fatal.
 */
public final class MeldCsv {
    private static final List<String> REQUIRED = List.of("utterance", "dialogueid", "utteranceid", "starttime", "endtime");
    private static final String HEADER = "Sr No.,Utterance,Speaker,Emotion,Sentiment,Dialogue_ID,Utterance_ID,Season,Episode,StartTime,EndTime";

    private MeldCsv() {
    }

    /** Reads all rows; the first invalid row fails the whole file with a {@link TranscriptException}. */
    public static MeldTable read(Path csv) throws IOException {
        return read(csv, false);
    }

    /**
     * Reads all rows; invalid rows (bad ids or times, end before start, empty text, wrong field
     * count) are left out and returned in {@link MeldTable#rejected()} so a dataset adapter can skip,
     * count and report them. A missing required column still fails the file.
     */
    public static MeldTable readLenient(Path csv) throws IOException {
        return read(csv, true);
    }

    private static MeldTable read(Path file, boolean lenient) throws IOException {
        RepairLog log = new RepairLog();
        List<CsvRows.Row> rows = CsvRows.parse(TextDecoder.read(file, log), ',', file);
        if (rows.isEmpty()) {
            throw TranscriptException.at(file, 1, "header", "the file is empty", "the header '" + HEADER + "'", "check the file");
        }
        Map<String, Integer> col = new HashMap<>();
        List<String> header = rows.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(key(header.get(i)), i);
        }
        for (String req : REQUIRED) {
            if (!col.containsKey(req)) {
                throw TranscriptException.at(file, rows.get(0).line(), "header", "missing column '" + req + "' in " + Excerpt.of(header.toString()),
                        "the header '" + HEADER + "'", "is this a MELD CSV? restore the header line");
            }
        }
        List<MeldUtterance> out = new ArrayList<>();
        List<TranscriptException> rejected = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            try {
                out.add(row(file, rows.get(r), header.size(), col));
            } catch (TranscriptException e) {
                if (!lenient) {
                    throw e;
                }
                rejected.add(e);
            }
        }
        if (!rejected.isEmpty()) {
            log.warn(file + ": " + rejected.size() + " invalid rows left out; first: " + rejected.get(0).getMessage());
        }
        return new MeldTable(file, out, rejected, log.report());
    }

    private static MeldUtterance row(Path file, CsvRows.Row row, int width, Map<String, Integer> col) throws TranscriptException {
        List<String> f = row.fields();
        if (f.size() != width) {
            throw TranscriptException.at(file, row.line(), "columns", f.size() + " fields, the header has " + width,
                    width + " comma-separated fields", "quote fields that contain commas (\"like, this\")");
        }
        String text = f.get(col.get("utterance")).strip();
        if (text.isEmpty()) {
            throw TranscriptException.at(file, row.line(), "Utterance", "empty utterance", "the spoken text", "fill in the text or drop the row");
        }
        int dia = integer(file, row, col, "dialogueid", "Dialogue_ID", true);
        int utt = integer(file, row, col, "utteranceid", "Utterance_ID", true);
        double start = time(file, row, col, "starttime", "StartTime");
        double end = time(file, row, col, "endtime", "EndTime");
        if (end < start) {
            throw TranscriptException.at(file, row.line(), "EndTime", "EndTime " + Excerpt.of(f.get(col.get("endtime")).strip())
                    + " is before StartTime " + Excerpt.of(f.get(col.get("starttime")).strip()), "EndTime >= StartTime", "fix or swap the times");
        }
        return new MeldUtterance(integer(file, row, col, "srno", "Sr No.", false), dia, utt, opt(f, col, "speaker"), text,
                lower(opt(f, col, "emotion")), lower(opt(f, col, "sentiment")), integer(file, row, col, "season", "Season", false),
                integer(file, row, col, "episode", "Episode", false), start, end, row.line());
    }

    private static int integer(Path file, CsvRows.Row row, Map<String, Integer> col, String key, String name, boolean required)
            throws TranscriptException {
        Integer i = col.get(key);
        String v = i == null ? "" : row.fields().get(i).strip();
        if (v.isEmpty() && !required) {
            return -1;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw TranscriptException.at(file, row.line(), name, Excerpt.quote(v) + " is not a whole number", "an integer", "fix the " + name + " value");
        }
    }

    private static double time(Path file, CsvRows.Row row, Map<String, Integer> col, String key, String name) throws TranscriptException {
        String v = row.fields().get(col.get(key)).strip();
        try {
            return Timestamps.parse(v);
        } catch (IllegalArgumentException e) {
            throw TranscriptException.at(file, row.line(), name, e.getMessage(), "hh:mm:ss,mmm (e.g. 00:16:16,059)", "fix the time");
        }
    }

    private static String opt(List<String> f, Map<String, Integer> col, String key) {
        Integer i = col.get(key);
        return i == null ? null : f.get(i).strip();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static String key(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
