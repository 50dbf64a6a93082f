package org.mer4j.text.lexicon;

import java.util.List;
import org.mer4j.text.VerbalMarkers;

/**
 * Negation handling for lexicon valence: a scored word is negated when a negation word
 * ({@link VerbalMarkers#isNegation}: not, never, no, nothing, nobody, none, neither, nor, cannot
 * and {@code n't} contractions) occurs among the {@code window} words before it, with no sentence
 * end ({@code . ! ?}) in between. A negated valence is multiplied by {@code scale}: -0.5 flips and
 * halves it ("not good" is mildly negative, not as negative as "bad"), in the spirit of the shift
 * used by VADER (Hutto &amp; Gilbert, ICWSM 2014). Arousal is not changed.
 */
public final class NegationScope {
    private NegationScope() {
    }

    /**
     * Whether word {@code j} is in the scope of a negation.
     *
     * @param raw words as transcribed (punctuation kept, for sentence ends)
     * @param norm the same words normalised
     */
    public static boolean negated(List<String> raw, String[] norm, int j, int window) {
        for (int k = j - 1; k >= Math.max(0, j - window); k--) {
            String r = raw.get(k).strip();
            if (r.endsWith(".") || r.endsWith("!") || r.endsWith("?")) {
                return false;
            }
            if (VerbalMarkers.isNegation(norm[k])) {
                return true;
            }
        }
        return false;
    }
}
