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
        List<List<String>> records;
        try {
            records = org.mer4j.experiments.CsvRecords.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage() + "; the file is damaged: rerun the run or delete its folder", e);
        }
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
}
