package org.mer4j.text.transcripts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by a delimiter, optionally in double quotes; inside quotes the
 * delimiter and line breaks are data and {@code ""} is a quote. Each record remembers the line it
 * starts on. Blank lines are skipped.
 */
final class CsvRows {
    /** One record and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {
    }

    private CsvRows() {
    }

    static List<Row> parse(String text, char delimiter, Path file) throws TranscriptException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean fieldStarted = false;
        int quoteLine = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                fieldStarted = true;
                quoteLine = line;
                field.setLength(0);
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, fields, field, fieldStarted, rowLine);
                fields = new ArrayList<>();
                fieldStarted = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw TranscriptException.at(file, quoteLine, null, "a quoted field is never closed", "a closing '\"'",
                    "close the quote (write \"\" for a quote inside a quoted field)");
        }
        endRow(rows, fields, field, fieldStarted, rowLine);
        return rows;
    }

    private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, boolean started, int rowLine) {
        if (!started && fields.isEmpty() && field.toString().isBlank()) {
            field.setLength(0);
            return;
        }
        fields.add(field.toString());
        field.setLength(0);
        rows.add(new Row(rowLine, fields));
    }
}
