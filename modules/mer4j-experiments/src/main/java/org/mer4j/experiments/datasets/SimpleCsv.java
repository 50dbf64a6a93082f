package org.mer4j.experiments.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.ManifestException;

/**
 * The comma-separated tables corpora ship (R's {@code write.csv} output, spreadsheets): one record
 * per line, fields optionally in double quotes with {@code ""} for a quote, a header line naming the
 * columns. Blank lines are skipped. Errors name the file and line.
 */
final class SimpleCsv {
    /** One data row: its 1-based line number and fields by column name. */
    record Row(int line, Map<String, String> fields) {
        /** The field of {@code column}; absent columns were rejected when the table was read. */
        String get(String column) {
            return fields.get(column);
        }
    }

    private final Path file;
    private final List<String> header;
    private final List<Row> rows;

    private SimpleCsv(Path file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /**
     * Reads a table and checks that it has every {@code required} column.
     *
     * @throws ManifestException naming the file, the line and the problem
     */
    static SimpleCsv read(Path file, String... required) throws IOException {
        List<String> lines = CorpusFiles.lines(file);
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new ManifestException(file + ": empty; expected a header line with the columns " + List.of(required));
        }
        List<String> header = split(file, first + 1, lines.get(first));
        for (String r : required) {
            if (!header.contains(r)) {
                throw new ManifestException(file + " line " + (first + 1) + ": no column '" + r + "' (columns " + header
                        + "); is this the file as distributed?");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = first + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = split(file, i + 1, lines.get(i));
            if (f.size() != header.size()) {
                throw new ManifestException(file + " line " + (i + 1) + ": " + f.size() + " fields, the header has " + header.size()
                        + "; fix or remove the line");
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int k = 0; k < f.size(); k++) {
                m.put(header.get(k), f.get(k));
            }
            rows.add(new Row(i + 1, m));
        }
        return new SimpleCsv(file, header, rows);
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /** Splits one line into fields, removing the quotes and the spaces around each field. */
    static List<String> split(Path file, int lineNo, String line) {
        List<List<String>> records;
        try {
            records = org.mer4j.experiments.CsvRecords.parse(line);
        } catch (IllegalArgumentException e) {
            throw new ManifestException(file + " line " + lineNo + ": " + e.getMessage());
        }
        return records.isEmpty() ? List.of("") : records.get(0).stream().map(String::strip).toList();
    }
}
