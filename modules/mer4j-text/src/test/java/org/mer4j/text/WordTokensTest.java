package org.mer4j.text;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.TimedWord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordTokensTest {
    static final WordTokensConfig CFG = WordTokensConfig.defaults();
    static final int D = CFG.dim();

    static FeatureTrack track(List<TimedWord> words) throws Exception {
        ClipSource src = new ClipSource(new Clip("c", "s", null, null, null, null, null), null, null, words);
        try (FeatureExtractor ex = new WordTokensExtractor(CFG); ExtractionSession s = ex.open(src)) {
            return s.finish();
        }
    }

    @Test
    void markersAreDetected() {
        String[] words = {"Um", "I", "think", "maybe", "but", "I", "don't", "don\u2019t", "know,", "NOT", "really"};
        List<TimedWord> timed = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            timed.add(new TimedWord(words[i], i * 0.5, i * 0.5 + 0.4));
        }
        float[][] rows = new WordTrackBuilder(CFG).wordRows(timed);
        assertEquals(1f, rows[0][D + VerbalMarkers.FILLER_FLAG], "um is a filler");
        assertEquals(1f, rows[2][D + VerbalMarkers.HEDGE_FLAG], "think is a hedge");
        assertEquals(1f, rows[3][D + VerbalMarkers.HEDGE_FLAG], "maybe is a hedge");
        assertEquals(1f, rows[4][D + VerbalMarkers.CONTRAST_FLAG], "but is contrastive");
        assertEquals(1f, rows[6][D + VerbalMarkers.NEGATION_FLAG], "don't is a negation");
        assertEquals(1f, rows[7][D + VerbalMarkers.REPEAT_FLAG], "don't don't (typographic apostrophe) is a repetition");
        assertEquals(1f, rows[9][D + VerbalMarkers.NEGATION_FLAG], "NOT is a negation");
        assertEquals(0f, rows[5][D + VerbalMarkers.REPEAT_FLAG], "I ... I is not an immediate repetition");
        float flagsOfReally = 0;
        for (int f = 0; f < VerbalMarkers.COUNT; f++) {
            flagsOfReally += rows[10][D + f];
        }
        assertEquals(0f, flagsOfReally, "really carries no marker");
        assertEquals("know", VerbalMarkers.normalize("know,"));
    }

    @Test
    void hashingIsDeterministicCaseInsensitiveAndSpreads() {
        WordHasher h = new WordHasher(32, 17);
        float[] a = h.embed("hello");
        assertArrayEquals(a, new WordHasher(32, 17).embed("hello"));
        float[][] rows = new WordTrackBuilder(CFG).wordRows(List.of(new TimedWord("Hello!", 0, 1), new TimedWord("hello", 1, 2)));
        assertArrayEquals(java.util.Arrays.copyOf(rows[0], D), java.util.Arrays.copyOf(rows[1], D), "case and punctuation ignored");
        double norm = 0;
        for (float v : a) {
            assertEquals(1 / Math.sqrt(32), Math.abs(v), 1e-6);
            norm += v * v;
        }
        assertEquals(1, norm, 1e-5, "unit norm");
        float[] b = h.embed("world");
        double dot = 0;
        for (int i = 0; i < 32; i++) {
            dot += a[i] * b[i];
        }
        assertTrue(Math.abs(dot) < 0.7, "different words nearly orthogonal, dot " + dot);
        assertFalse(java.util.Arrays.equals(a, new WordHasher(32, 18).embed("hello")), "seed changes the projection");
        // pinned value: the hash must not change between releases (cached features depend on it)
        assertEquals(WordHasher.fnv1a("a".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0xaf63dc4c8601ec8cL);
    }

    @Test
    void timingMapsWordsToTheStepsTheyCover() throws Exception {
        List<TimedWord> words = List.of(
                new TimedWord("so", 0.0, 0.25),      // steps 0,1,2 (2 covered 0.05 s)
                new TimedWord("um", 0.25, 0.28),     // shorter than a hop: only step 2, but "so" overlaps 2 more
                new TimedWord("well", 0.52, 0.71),   // steps 5,6,7
                new TimedWord("no", 1.0, 1.2));      // steps 10,11
        FeatureTrack t = track(words);
        assertEquals(12, t.length(), "grid ends at the last word end 1.2 s");
        assertEquals(D + 6, t.dim(), "six marker flags since self-repair was added");
        boolean[] expected = {true, true, true, false, false, true, true, true, false, false, true, true};
        assertArrayEquals(expected, t.mask());
        float[] so = new WordHasher(D, CFG.hashSeed()).embed("so");
        for (int k = 0; k <= 2; k++) {
            assertArrayEquals(so, java.util.Arrays.copyOf(t.row(k), D), "step " + k + " holds 'so'");
        }
        assertEquals(1f, t.get(10, D + VerbalMarkers.NEGATION_FLAG));
        for (int d = 0; d < t.dim(); d++) {
            assertEquals(0f, t.get(3, d), "gap rows are zero");
        }
        assertEquals(0.5, t.times()[5], 1e-12);
        // a short word alone in its step is kept
        FeatureTrack shortWord = track(List.of(new TimedWord("uh", 0.33, 0.35)));
        assertEquals(4, shortWord.length());
        assertTrue(shortWord.mask()[3]);
        assertEquals(1f, shortWord.get(3, D + VerbalMarkers.FILLER_FLAG));
    }

    @Test
    void emptyTranscriptGivesEmptyTrack() throws Exception {
        FeatureTrack t = track(List.of());
        assertEquals(0, t.length());
        assertEquals(D + 6, t.dim(), "six marker flags since self-repair was added");
    }

    @Test
    void providerRegisteredAndConfigValidated() {
        List<String> names = new ArrayList<>();
        for (FeatureExtractorProvider<?> p : ServiceLoader.load(FeatureExtractorProvider.class)) {
            names.add(p.name());
        }
        assertTrue(names.contains("word-tokens"), names.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WordTokensConfig(0, 32, 1));
        assertTrue(e.getMessage().contains("word-tokens.hopSeconds"));
        WordTokensExtractor ex = new WordTokensExtractor(CFG);
        assertFalse(ex.needsAudio() || ex.needsVideo());
        assertEquals(CFG, ex.config());
    }
}
