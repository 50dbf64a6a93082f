package org.mer4j.synth;

import java.util.List;
import org.mer4j.api.TimedWord;

/**
 * A word of the transcript with the syllables that realise it in the audio.
 *
 * @param word the word as written in the transcript (fillers included)
 * @param start start in seconds
 * @param end end in seconds
 * @param segment index of the {@link SegmentPlan} the word belongs to
 * @param syllables its syllables, in time order, inside {@code [start, end]}
 */
public record PlannedWord(String word, double start, double end, int segment, List<Syllable> syllables) {
    public PlannedWord {
        syllables = List.copyOf(syllables);
        if (syllables.isEmpty()) {
            throw new IllegalArgumentException("word '" + word + "' needs at least one syllable");
        }
    }

    /** The transcript entry. */
    public TimedWord timed() {
        return new TimedWord(word, start, end);
    }
}
