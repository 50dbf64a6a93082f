package org.mer4j.text.transcripts;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A transcript file that cannot be read as its format says. The message always names the file, the
 * line (or JSON path), the field, what was found, what was expected and what to do about it.
 */
public final class TranscriptException extends IOException {
    private final Path file;
    private final int line;
    private final String field;

    private TranscriptException(Path file, int line, String field, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /**
     * Builds the exception with a uniform message:
     * {@code FILE line N, field F: PROBLEM; expected EXPECTED; FIX}.
     *
     * @param file the transcript file
     * @param line 1-based line, or 0 when the problem concerns the whole file
     * @param field the column, key or tier concerned
     * @param problem what was found
     * @param expected what the format requires
     * @param fix what the user should do
     */
    public static TranscriptException at(Path file, int line, String field, String problem, String expected, String fix) {
        return at(file, line, field, problem, expected, fix, null);
    }

    /** As {@link #at(Path, int, String, String, String, String)} with a cause. */
    public static TranscriptException at(Path file, int line, String field, String problem, String expected, String fix,
                                         Throwable cause) {
        String where = file + (line > 0 ? " line " + line : "") + (field == null ? "" : ", field " + field);
        return new TranscriptException(file, line, field, where + ": " + problem + "; expected " + expected + "; " + fix, cause);
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }

    /** 1-based line, 0 when not tied to one line. */
    public int line() {
        return line;
    }

    /** Column, key or tier concerned; may be null. */
    public String field() {
        return field;
    }
}
