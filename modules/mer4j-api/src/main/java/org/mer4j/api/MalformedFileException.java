package org.mer4j.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file was read but its content is not what its format requires: a problem of the data (the
 * clip is skipped, e.g. as {@code bad-transcript}), unlike a plain {@link IOException}, which is a
 * failure of the machine (a disk, a mount, a permission) and says nothing about the clip. The
 * message names the file, the line and the field, and quotes at most an {@link Excerpt}.
 */
public class MalformedFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;
    private final String field;

    /**
     * @param file the file
     * @param line 1-based line, or 0 when the problem concerns the whole file
     * @param field the column, key or tier concerned, or null
     * @param message the full message (file, line, field, problem, fix)
     * @param cause the underlying exception, or null
     */
    public MalformedFileException(Path file, int line, String field, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.field = field;
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

    /**
     * Where the problem is, without anything of the file's content: for files that must not be
     * quoted (outside the data root).
     */
    public String location() {
        return file + (line > 0 ? " line " + line : "") + (field == null ? "" : ", field " + Excerpt.of(field));
    }
}
