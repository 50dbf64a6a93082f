package org.mer4j.text.transcripts;

import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.TimedWord;

/**
 * One row of a MELD CSV (Poria et al., "MELD: A Multimodal Multi-Party Dataset for Emotion
 * Recognition in Conversations", ACL 2019). Times are seconds within the episode; the clip
 * {@code dia<D>_utt<U>.mp4} is cut from {@code start} to {@code end}.
 *
 * @param srNo the {@code Sr No.} column, or -1 when absent
 * @param dialogueId {@code Dialogue_ID}
 * @param utteranceId {@code Utterance_ID}
 * @param speaker {@code Speaker}, or null when the column is absent
 * @param text {@code Utterance}, encoding-repaired, quotes normalised
 * @param emotion {@code Emotion} (neutral, joy, surprise, anger, sadness, disgust, fear), or null
 * @param sentiment {@code Sentiment} (positive, neutral, negative), or null
 * @param season {@code Season}, or -1
 * @param episode {@code Episode}, or -1
 * @param start {@code StartTime} in seconds
 * @param end {@code EndTime} in seconds, not before start
 * @param line the CSV line the row starts on
 */
public record MeldUtterance(int srNo, int dialogueId, int utteranceId, String speaker, String text, String emotion,
                            String sentiment, int season, int episode, double start, double end, int line) {

    /** The clip name MELD uses for this row's video, {@code dia<D>_utt<U>}. */
    public String clipName() {
        return "dia" + dialogueId + "_utt" + utteranceId;
    }

    /** Duration in seconds. */
    public double duration() {
        return end - start;
    }

    /** The words spread over {@code [start, end]} in episode time ({@link WordSpreader}). */
    public List<TimedWord> words() {
        return WordSpreader.spread(text, start, end);
    }

    /** The words spread over {@code [0, end - start]}: times within the utterance's own clip. */
    public List<TimedWord> clipWords() {
        return new ArrayList<>(WordSpreader.spread(text, 0, end - start));
    }
}
