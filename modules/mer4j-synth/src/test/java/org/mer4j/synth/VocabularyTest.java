package org.mer4j.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Syllable counts drive word durations; emotion words never overlap between lexicons. */
class VocabularyTest {

    @Test
    void syllableCountsOfTypicalWords() {
        assertEquals(1, Vocabulary.syllables("house"));
        assertEquals(1, Vocabulary.syllables("tired"));
        assertEquals(3, Vocabulary.syllables("excited"));
        assertEquals(2, Vocabulary.syllables("enjoyed"));
        assertEquals(3, Vocabulary.syllables("wonderful"));
        assertEquals(3, Vocabulary.syllables("terrible"));
        assertEquals(2, Vocabulary.syllables("lonely"));
        assertEquals(4, Vocabulary.syllables("ridiculous"));
        assertEquals(1, Vocabulary.syllables("um"));
    }

    @Test
    void lexiconsAreDisjointAndFunctionWordsCarryNoEmotion() {
        Set<String> seen = new HashSet<>();
        for (Emotion e : Emotion.values()) {
            for (String w : Vocabulary.CONTENT.get(e)) {
                assertTrue(seen.add(w), "'" + w + "' appears in two lexicons");
                assertEquals(e, Vocabulary.emotionOf(w));
            }
        }
        for (String w : Vocabulary.FUNCTION) {
            assertNull(Vocabulary.emotionOf(w), w);
        }
        assertNull(Vocabulary.emotionOf("um"));
    }
}
