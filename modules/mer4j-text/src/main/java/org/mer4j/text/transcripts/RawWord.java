package org.mer4j.text.transcripts;

/** A word as parsed, before validation: times in seconds, and where it came from for error messages. */
record RawWord(String word, double start, double end, int line, String field) {
}
