package org.mer4j.text;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerbalMarkersTest {
    static float flag(float[][] f, int word, int flag) {
        return f[word][flag];
    }

    @Test
    void multiWordHedgesAreMatchedAcrossConsecutiveWords() {
        List<String> w = List.of("It", "was", "kind", "of", "nice,", "I", "guess.", "A", "kind", "man");
        float[][] f = VerbalMarkers.flagSequence(w);
        assertEquals(1f, flag(f, 2, VerbalMarkers.HEDGE_FLAG), "kind (of)");
        assertEquals(1f, flag(f, 3, VerbalMarkers.HEDGE_FLAG), "(kind) of");
        assertEquals(1f, flag(f, 5, VerbalMarkers.HEDGE_FLAG), "I (guess)");
        assertEquals(1f, flag(f, 6, VerbalMarkers.HEDGE_FLAG), "(I) guess.");
        assertEquals(0f, flag(f, 8, VerbalMarkers.HEDGE_FLAG), "'kind man' is no hedge");
        assertEquals(0f, flag(f, 4, VerbalMarkers.HEDGE_FLAG));
        float[][] s = VerbalMarkers.flagSequence(List.of("sort", "of", "probably", "I", "think", "perhaps"));
        for (int i = 0; i < 6; i++) {
            assertEquals(1f, flag(s, i, VerbalMarkers.HEDGE_FLAG), "word " + i);
        }
    }

    @Test
    void fillersContrastsNegationsAndSelfRepairs() {
        List<String> w = List.of("Um,", "I", "w-", "I", "want", "it,", "I", "mean,", "I", "don't", "but", "uh", "the", "the", "however", "hmm");
        float[][] f = VerbalMarkers.flagSequence(w);
        assertEquals(1f, flag(f, 0, VerbalMarkers.FILLER_FLAG));
        assertEquals(1f, flag(f, 11, VerbalMarkers.FILLER_FLAG));
        assertEquals(1f, flag(f, 15, VerbalMarkers.FILLER_FLAG));
        assertEquals(1f, flag(f, 2, VerbalMarkers.SELF_REPAIR_FLAG), "fragment w-");
        assertEquals(1f, flag(f, 3, VerbalMarkers.SELF_REPAIR_FLAG), "restart after the fragment");
        assertEquals(0f, flag(f, 4, VerbalMarkers.SELF_REPAIR_FLAG));
        assertEquals(1f, flag(f, 6, VerbalMarkers.SELF_REPAIR_FLAG), "I (mean)");
        assertEquals(1f, flag(f, 7, VerbalMarkers.SELF_REPAIR_FLAG), "(I) mean");
        assertEquals(1f, flag(f, 9, VerbalMarkers.NEGATION_FLAG));
        assertEquals(1f, flag(f, 10, VerbalMarkers.CONTRAST_FLAG));
        assertEquals(1f, flag(f, 14, VerbalMarkers.CONTRAST_FLAG));
        assertEquals(1f, flag(f, 13, VerbalMarkers.REPEAT_FLAG), "the the");
        assertEquals(1f, flag(f, 13, VerbalMarkers.SELF_REPAIR_FLAG), "a repetition is a repair");
        assertEquals(0f, flag(f, 12, VerbalMarkers.REPEAT_FLAG));
    }
}
