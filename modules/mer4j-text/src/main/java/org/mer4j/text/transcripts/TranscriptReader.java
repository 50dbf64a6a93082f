package org.mer4j.text.transcripts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one transcript format into timed words. Readers are stateless apart from their options and
 * may be shared between threads. Malformed input fails with a {@link TranscriptException} naming
 * file, line and field; recoverable problems (encoding, mojibake, overlapping words) are repaired
 * and counted in the {@link TranscriptReport}.
 */
public interface TranscriptReader {

    /** Format name used in configs, e.g. {@code srt}, {@code webvtt}, {@code whisper-json}. */
    String format();

    /** Lower-case file extensions (without dot) this format uses. */
    List<String> extensions();

    /**
     * Whether the beginning of a file (its first line, decoded) looks like this format; used to pick
     * between readers sharing an extension (e.g. {@code .csv}).
     */
    default boolean recognises(String firstLine) {
        return true;
    }

    /** Reads the file. */
    Transcript read(Path file) throws IOException;
}
