package org.mer4j.text.transcripts;

import java.nio.file.Path;
import java.util.List;
import org.mer4j.api.TimedWord;

/**
 * Timed words read from one transcript file, in time order, plus what was repaired on the way.
 *
 * @param source the file read
 * @param format the reader's format name (e.g. {@code srt})
 * @param words the words, sorted by start, non-overlapping
 * @param report repairs (encoding, mojibake, quotes, overlaps) and warnings
 */
public record Transcript(Path source, String format, List<TimedWord> words, TranscriptReport report) {
    public Transcript {
        words = List.copyOf(words);
    }
}
