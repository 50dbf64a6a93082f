package org.mer4j.experiments.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file of a run folder read back ({@code predictions.csv}, {@code clip_predictions.csv},
 * {@code history.csv}): a header line, then rows; fields may be quoted as RFC 4180 writes them.
 */
final class CsvTable {
    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String[]> rows;

    private CsvTable(Path file, List<String> header, List<String[]> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
        this.rows = rows;
    }

    /** Reads {@code file}; an empty file has no columns and no rows. */
    static CsvTable read(Path file) throws IOException {
        List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
        if (records.isEmpty()) {
            return new CsvTable(file, List.of(), List.of());
        }
        List<String> header = records.get(0);
        List<String[]> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() != header.size()) {
                throw new IOException(file + " line " + (r + 1) + ": " + rec.size() + " fields, the header has " + header.size()
                        + "; the file is damaged: rerun the run or delete its folder");
            }
            rows.add(rec.toArray(String[]::new));
        }
        return new CsvTable(file, header, rows);
    }

    /** The file read. */
    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    /** Index of {@code column}, -1 when absent. */
    int column(String column) {
        return index.getOrDefault(column, -1);
    }

    List<String[]> rows() {
        return rows;
    }

    /** The cell of {@code row} in {@code column}, which must exist. */
    String cell(String[] row, String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException(file + " has no column '" + column + "' (columns: " + header + ")");
        }
        return row[i];
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    fields.add(field.toString());
                    records.add(fields);
                }
                fields = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
