package org.mer4j.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the trace CSV a manifest's {@code labels.traces.file} points to: a header
 * {@code time,<name>,<name>...}, then one comma-separated row per sample, time in seconds first.
 * Blank lines are ignored. Example:
 * <pre>
 * time,valence,arousal
 * 0.00,0.10,0.30
 * 0.04,0.12,0.31
 * </pre>
 * Ordering of the times and the clip's duration are checked by {@link ManifestIO}, not here.
 */
public final class TraceCsv {
    private static final String FIX = "; the layout is a header time,<name>,... then one row per sample (seconds, comma-separated)";

    private TraceCsv() {
    }

    /**
     * Reads a trace CSV into inline traces ({@code file} null, {@code times} and {@code values} set).
     *
     * @throws IOException when the file cannot be read, or naming the file, the line and the fix
     *     when a row is malformed or holds a value that is not a finite number
     */
    public static LabelTraces read(Path csv) throws IOException {
        return read(csv, true);
    }

    /**
     * As {@link #read(Path)}; with {@code quote} false, error messages name the line and column but
     * quote nothing of the file (for files outside the data root). Quoted cells are short
     * {@link Excerpt}s.
     */
    public static LabelTraces read(Path csv, boolean quote) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> names = null;
        List<Double> times = new ArrayList<>();
        List<List<Double>> columns = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (names == null) {
                names = header(csv, i + 1, cells, quote);
                for (int k = 0; k < names.size(); k++) {
                    columns.add(new ArrayList<>());
                }
                continue;
            }
            if (cells.length != names.size() + 1) {
                throw malformed(csv, i + 1, csv + " line " + (i + 1) + ": expected " + (names.size() + 1) + " columns (time,"
                        + shown(String.join(",", names), quote) + "), got " + cells.length + FIX);
            }
            times.add(number(csv, i + 1, "time", cells[0], quote));
            for (int k = 0; k < names.size(); k++) {
                columns.get(k).add(number(csv, i + 1, names.get(k), cells[k + 1], quote));
            }
        }
        if (names == null) {
            throw malformed(csv, 0, csv + ": the file is empty" + FIX);
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            values.put(names.get(k), columns.get(k));
        }
        return new LabelTraces(null, times, values);
    }

    /** Writes the samples of loaded traces as a trace CSV, atomically (temporary file, then move). */
    public static void write(Path csv, LabelTraces traces) throws IOException {
        if (!traces.loaded()) {
            throw new IllegalArgumentException("traces have no samples to write (file " + traces.file() + " not loaded)");
        }
        StringBuilder sb = new StringBuilder("time");
        traces.values().keySet().forEach(name -> sb.append(',').append(name));
        sb.append('\n');
        for (int r = 0; r < traces.times().size(); r++) {
            sb.append(traces.times().get(r));
            for (List<Double> series : traces.values().values()) {
                sb.append(',').append(series.get(r));
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(csv, sb.toString());
    }

    private static List<String> header(Path csv, int line, String[] cells, boolean quote) throws IOException {
        if (!cells[0].strip().toLowerCase(Locale.ROOT).equals("time")) {
            throw malformed(csv, line, csv + " line " + line + ": the header must start with 'time', got " + shown(String.join(",", cells), quote) + FIX);
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = 1; k < cells.length; k++) {
            String name = cells[k].strip();
            if (name.isEmpty()) {
                throw malformed(csv, line, csv + " line " + line + ": header column " + (k + 1) + " has no name" + FIX);
            }
            if (!seen.add(name)) {
                throw malformed(csv, line, csv + " line " + line + ": header names " + shown(name, quote) + " twice; give each series once");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw malformed(csv, line, csv + " line " + line + ": the header names no series after 'time'" + FIX);
        }
        return names;
    }

    private static double number(Path csv, int line, String column, String cell, boolean quote) throws IOException {
        String text = cell.strip();
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw malformed(csv, line, csv + " line " + line + ", column " + shown(column, quote) + ": " + shown(text, quote) + " is not a number" + FIX);
        }
        if (!Double.isFinite(v)) {
            throw malformed(csv, line, csv + " line " + line + ", column " + shown(column, quote) + ": " + shown(text, quote)
                    + " is not a finite number; leave the sample out instead");
        }
        return v;
    }

    /** A short escaped excerpt of file content, or nothing of it when the file must not be quoted. */
    private static String shown(String text, boolean quote) {
        return quote ? Excerpt.quote(text) : "(not quoted: the file is outside the data root)";
    }

    private static MalformedFileException malformed(Path file, int line, String message) {
        return new MalformedFileException(file, line, null, message, null);
    }
}
