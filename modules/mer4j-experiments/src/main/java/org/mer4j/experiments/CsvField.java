package org.mer4j.experiments;

/** A CSV field as RFC 4180 writes it: quoted (with doubled quotes) when it holds a comma, a quote or a line break. */
public final class CsvField {
    private CsvField() {
    }

    /** {@code s}, quoted where needed. */
    public static String of(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
