/**
 * Transcript import: named {@link org.mer4j.text.transcripts.TranscriptReader}s for SRT, WebVTT,
 * Whisper JSON, Praat TextGrid, the BAH/Vosk word CSV and MELD's utterance CSV
 * ({@link org.mer4j.text.transcripts.MeldCsv}), a registry by name and extension
 * ({@link org.mer4j.text.transcripts.TranscriptReaders}), one encoding policy
 * ({@link org.mer4j.text.transcripts.TextDecoder}: UTF-8, else Windows-1252, mojibake and quote
 * repair, counted) and one timing policy (word times when the format has them, utterance times
 * spread over words by character length otherwise; overlapping words repaired and counted; negative
 * or reversed times, empty words and bad timestamps fail naming file, line and field).
 */
package org.mer4j.text.transcripts;
