package org.mer4j.text;

import java.util.Locale;
import java.util.Set;

/**
 * Lexical cues of ambivalence and hesitancy in speech: fillers, hedges, contrastive connectives,
 * negations and immediate repetitions. Words are normalised (lower case, surrounding punctuation
 * removed, typographic apostrophes folded) before lookup. Flags are 0/1 in the order of the
 * {@code *_FLAG} constants.
 */
public final class VerbalMarkers {
    /** Number of flags. */
    public static final int COUNT = 5;
    public static final int FILLER_FLAG = 0;
    public static final int HEDGE_FLAG = 1;
    public static final int CONTRAST_FLAG = 2;
    public static final int NEGATION_FLAG = 3;
    public static final int REPEAT_FLAG = 4;

    static final Set<String> FILLERS = Set.of("um", "umm", "uh", "uhh", "uhm", "er", "erm", "hmm", "hm", "mm", "ah", "eh");
    static final Set<String> HEDGES = Set.of("maybe", "perhaps", "guess", "kind", "sort", "probably", "think", "possibly", "somewhat");
    static final Set<String> CONTRASTS = Set.of("but", "although", "though", "however", "whereas", "yet");
    static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "cannot");

    private VerbalMarkers() {
    }

    /** Lower-cased word without surrounding punctuation; typographic apostrophes become {@code '}. */
    public static String normalize(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        int a = 0;
        int b = w.length();
        while (a < b && !Character.isLetterOrDigit(w.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(w.charAt(b - 1))) {
            b--;
        }
        return w.substring(a, b);
    }

    public static boolean isFiller(String normalized) {
        return FILLERS.contains(normalized);
    }

    public static boolean isHedge(String normalized) {
        return HEDGES.contains(normalized);
    }

    public static boolean isContrast(String normalized) {
        return CONTRASTS.contains(normalized);
    }

    /** Negation words and contractions ending in {@code n't}. */
    public static boolean isNegation(String normalized) {
        return NEGATIONS.contains(normalized) || normalized.endsWith("n't");
    }

    /**
     * Writes the flags of a word into {@code out[offset .. offset+COUNT)}.
     *
     * @param previous the previous word normalised, or null at the start
     */
    public static void flags(String normalized, String previous, float[] out, int offset) {
        out[offset + FILLER_FLAG] = isFiller(normalized) ? 1 : 0;
        out[offset + HEDGE_FLAG] = isHedge(normalized) ? 1 : 0;
        out[offset + CONTRAST_FLAG] = isContrast(normalized) ? 1 : 0;
        out[offset + NEGATION_FLAG] = isNegation(normalized) ? 1 : 0;
        out[offset + REPEAT_FLAG] = previous != null && !normalized.isEmpty() && normalized.equals(previous) ? 1 : 0;
    }
}
