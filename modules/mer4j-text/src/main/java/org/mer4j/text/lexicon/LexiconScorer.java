package org.mer4j.text.lexicon;

import java.util.List;
import org.mer4j.text.VerbalMarkers;

/**
 * Scores each word of a transcript with a {@link Lexicon}: the longest lexicon phrase starting at
 * a word wins (AFINN has entries such as "does not work"), every word of the phrase gets its score,
 * then {@link NegationScope} flips/attenuates valence after a negation.
 */
public final class LexiconScorer {
    private final Lexicon lexicon;
    private final int negationWindow;
    private final float negationScale;

    public LexiconScorer(Lexicon lexicon, int negationWindow, float negationScale) {
        this.lexicon = lexicon;
        this.negationWindow = negationWindow;
        this.negationScale = negationScale;
    }

    /** {@code [n][2]}: valence in [-1, 1] and arousal in [0, 1]; NaN where the word has no entry (arousal NaN when the lexicon has none). */
    public float[][] score(List<String> raw) {
        int n = raw.size();
        String[] norm = new String[n];
        for (int i = 0; i < n; i++) {
            norm[i] = VerbalMarkers.normalize(raw.get(i));
        }
        float[][] out = new float[n][2];
        for (float[] row : out) {
            row[0] = Float.NaN;
            row[1] = Float.NaN;
        }
        int i = 0;
        while (i < n) {
            int matched = 0;
            Lexicon.Entry entry = null;
            for (int len = Math.min(lexicon.maxPhraseWords(), n - i); len >= 1 && entry == null; len--) {
                StringBuilder key = new StringBuilder(norm[i]);
                for (int k = 1; k < len; k++) {
                    key.append(' ').append(norm[i + k]);
                }
                entry = norm[i].isEmpty() ? null : lexicon.get(key.toString());
                matched = len;
            }
            if (entry == null) {
                i++;
                continue;
            }
            float v = entry.valence();
            if (negationWindow > 0 && NegationScope.negated(raw, norm, i, negationWindow)) {
                v *= negationScale;
            }
            for (int k = i; k < i + matched; k++) {
                out[k][0] = v;
                out[k][1] = entry.arousal();
            }
            i += matched;
        }
        return out;
    }
}
