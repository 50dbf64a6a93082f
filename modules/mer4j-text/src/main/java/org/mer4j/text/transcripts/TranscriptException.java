package org.mer4j.text.transcripts;

import java.nio.file.Path;
import org.mer4j.api.MalformedFileException;

/**
 * A transcript file that cannot be read as its format says. The message always names the file, the
 * line (or JSON path), the field, what was found, what was expected and what to do about it.
 */
public final class TranscriptException extends MalformedFileException {
    private static final long serialVersionUID = 1L;

    private TranscriptException(Path file, int line, String field, String message, Throwable cause) {
        super(file, line, field, message, cause);
    }

    /**
     * Builds the exception with a uniform message:
     * {@code FILE line N, field F: PROBLEM; expected EXPECTED; FIX}. Quote file content in
     * {@code problem} only as an {@link org.mer4j.api.Excerpt}.
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
}
