package org.mer4j.text.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.TimedWord;

/**
 * The {@code minilm-pieces} track: the tokenizer's word-piece ids of the transcript in time order,
 * without [CLS]/[SEP] (the fine-tuned block adds them), 0-padded or cut to {@code maxPieces}, one
 * row at time 0, masked when there is no word.
 */
class MiniLmPiecesExtractorTest {

    private static long[] tokenizerIds(String sentence) throws Exception {
        try (MiniLmTokenizer t = new MiniLmTokenizer(MiniLmModel.resource(MiniLmModel.TOKENIZER_RESOURCE))) {
            return t.encode(Arrays.asList(sentence.split(" "))).getIds();
        }
    }

    @Test
    void rowHoldsTheWordPiecesInTimeOrderThenPadding() throws Exception {
        String sentence = "unbelievable, Rachel!";
        long[] expected = tokenizerIds(sentence);
        assertTrue(expected.length > 3, "the sentence splits into several pieces: " + Arrays.toString(expected));
        try (MiniLmPiecesExtractor x = new MiniLmPiecesExtractor(new MiniLmPiecesConfig(20, null))) {
            // words handed over out of time order are put back in order
            List<TimedWord> words = new ArrayList<>(MiniLmExtractorTest.timed(sentence));
            java.util.Collections.reverse(words);
            FeatureTrack t = x.track(words);
            assertEquals(MiniLmPiecesExtractor.NAME, t.name());
            assertEquals(1, t.length());
            assertEquals(20, t.dim());
            assertEquals(0.0, t.times()[0]);
            assertTrue(t.mask()[0]);
            float[] row = t.row(0);
            for (int i = 0; i < 20; i++) {
                assertEquals(i < expected.length ? expected[i] : 0, (long) row[i], "column " + i);
            }
            assertFalse(Arrays.stream(expected).anyMatch(id -> id == MiniLmFineTuneBlock.CLS || id == MiniLmFineTuneBlock.SEP),
                    "no special tokens in the track");
        }
    }

    @Test
    void idsAreThoseOfTheBertUncasedVocabulary() throws Exception {
        try (MiniLmPiecesExtractor x = new MiniLmPiecesExtractor(new MiniLmPiecesConfig(4, null))) {
            // "hello" and "world" in the 30,522-piece BERT uncased vocabulary; case is folded
            assertArrayEquals(new float[] {7592, 2088, 0, 0}, x.track(MiniLmExtractorTest.timed("Hello WORLD")).row(0));
        }
    }

    @Test
    void longTranscriptKeepsItsFirstPieces() throws Exception {
        String sentence = "so what are we gonna do about the apartment tomorrow morning Joey";
        long[] expected = tokenizerIds(sentence);
        try (MiniLmPiecesExtractor x = new MiniLmPiecesExtractor(new MiniLmPiecesConfig(5, null))) {
            float[] row = x.track(MiniLmExtractorTest.timed(sentence)).row(0);
            long[] got = new long[row.length];
            for (int i = 0; i < row.length; i++) {
                got[i] = (long) row[i];
            }
            assertArrayEquals(Arrays.copyOf(expected, 5), got);
        }
    }

    @Test
    void emptyTranscriptIsAMaskedRowOfPadding() throws Exception {
        try (MiniLmPiecesExtractor x = new MiniLmPiecesExtractor(MiniLmPiecesConfig.defaults())) {
            FeatureTrack t = x.track(List.of());
            assertFalse(t.mask()[0]);
            assertEquals(62, t.dim());
            for (float v : t.row(0)) {
                assertEquals(0f, v);
            }
        }
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new MiniLmPiecesConfig(0, null));
        assertThrows(IllegalArgumentException.class, () -> new MiniLmPiecesConfig(511, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MiniLmPiecesExtractor(new MiniLmPiecesConfig(10, "0".repeat(64))));
        assertTrue(e.getMessage().contains("tokenizerSha256"), e.getMessage());
    }
}
