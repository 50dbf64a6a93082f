package org.mer4j.text.vocab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.TimedWord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenVocabularyTest {
    @Test
    void idsAreStable24BitAndExactAsFloats() {
        int hello = WordIds.of("Hello!");
        assertEquals(hello, WordIds.of("hello"));
        assertEquals(hello, WordIds.of("HELLO"));
        assertNotEquals(hello, WordIds.of("world"));
        assertTrue(hello > 0 && hello < WordIds.LIMIT);
        assertEquals(hello, (int) (float) hello, "exact in float");
        assertEquals(0, WordIds.of("--"));
        // pinned: ids must not change between releases (cached tracks and vocabularies depend on them)
        assertEquals(WordIds.of("hello"), WordIds.of("hello"));
        assertEquals(14487402, WordIds.of("a"));
    }

    @Test
    void extractorEmitsIdsOfTheDominantWord() {
        FeatureTrack t = new WordIdsExtractor(WordIdsConfig.defaults()).track(
                List.of(new TimedWord("so", 0, 0.25), new TimedWord("well", 0.5, 0.6)));
        assertEquals(6, t.length());
        assertEquals(1, t.dim());
        assertEquals(WordIds.of("so"), (int) t.get(0, 0));
        assertEquals(WordIds.of("so"), (int) t.get(2, 0));
        assertFalse(t.mask()[3]);
        assertEquals(0f, t.get(3, 0));
        assertEquals(WordIds.of("well"), (int) t.get(5, 0));
    }

    @Test
    void fitsCountsRunsKeepsFrequentAndMapsUnknownToUnk(@TempDir Path dir) throws Exception {
        WordIdsExtractor ex = new WordIdsExtractor(WordIdsConfig.defaults());
        FeatureTrack a = ex.track(List.of(new TimedWord("yes", 0, 0.5), new TimedWord("no", 0.6, 0.7), new TimedWord("yes", 0.8, 0.9)));
        FeatureTrack b = ex.track(List.of(new TimedWord("yes", 0, 0.1), new TimedWord("maybe", 0.1, 0.2), new TimedWord("no", 0.3, 0.4)));
        TokenVocabulary v = TokenVocabulary.fitTracks(List.of(a, b), 2, 100);
        assertEquals(3, v.count(WordIds.of("yes")));
        assertEquals(2, v.count(WordIds.of("no")));
        assertEquals(4, v.size(), "PAD, UNK, yes, no");
        assertEquals(2, v.index(WordIds.of("yes")), "most frequent first");
        assertEquals(3, v.index(WordIds.of("no")));
        assertEquals(TokenVocabulary.UNK, v.index(WordIds.of("maybe")), "below minCount");
        assertEquals(TokenVocabulary.UNK, v.index(WordIds.of("unseen")));
        assertEquals(TokenVocabulary.PAD, v.index(0));
        int[] rows = v.indices(a);
        assertEquals(2, rows[0]);
        assertEquals(TokenVocabulary.PAD, rows[5]);
        TokenVocabulary capped = TokenVocabulary.fit(List.of(new int[] {5, 5, 5, 6, 6, 7}), 1, 3);
        assertEquals(3, capped.size());
        assertEquals(2, capped.index(5));
        assertEquals(TokenVocabulary.UNK, capped.index(6));
        Path f = dir.resolve("vocab.json");
        v.save(f);
        TokenVocabulary back = TokenVocabulary.load(f);
        assertEquals(v.toJson(), back.toJson());
        assertEquals(3, back.index(WordIds.of("no")));
        assertThrows(IllegalArgumentException.class, () -> TokenVocabulary.fit(List.of(), 0, 10));
        assertThrows(java.io.IOException.class, () -> TokenVocabulary.fromJson("{\"format\":\"x\"}"));
    }
}
