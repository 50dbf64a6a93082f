package org.mer4j.api;

/**
 * One transcript word with its time span in seconds.
 *
 * @param word the word as spoken (fillers such as "um" included)
 * @param start start time in seconds
 * @param end end time in seconds, not before start
 */
public record TimedWord(String word, double start, double end) {
    public TimedWord {
        if (word == null || word.isBlank()) {
            throw new IllegalArgumentException("timed word is empty at " + start + " s");
        }
        if (!(start >= 0) || !(end >= start)) {
            throw new IllegalArgumentException("word " + Excerpt.quote(word) + " needs 0 <= start <= end, got " + start + ".." + end);
        }
    }
}
