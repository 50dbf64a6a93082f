package org.mer4j.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lexical cues of ambivalence and hesitancy in speech (cf. the BAH dataset, Belharbi et al. 2025;
 * hedges after Lakoff, "Hedges: a study in meaning criteria", 1973; disfluency and self-repair
 * after Shriberg, "Preliminaries to a theory of speech disfluencies", 1994): fillers (um, uh, er,
 * hmm), hedges (maybe, probably, perhaps, possibly, somewhat, and the phrases "I guess", "I think",
 * "kind of", "sort of", "I suppose"), contrastive connectives (but, although, though, however,
 * whereas, yet), negations (not, never, no, ..., and n't contractions), immediate repetitions, and
 * self-repairs ("I mean", cut-off fragments such as "w-", and the restart after a fragment as in
 * "I w- I want"). Multi-word cues are matched across consecutive words and flag every word of the
 * phrase. Words are normalised (lower case, surrounding punctuation removed, typographic
 * apostrophes folded) before lookup. Flags are 0/1 in the order of the {@code *_FLAG} constants.
 */
public final class VerbalMarkers {
    /** Number of flags. */
    public static final int COUNT = 6;
    public static final int FILLER_FLAG = 0;
    public static final int HEDGE_FLAG = 1;
    public static final int CONTRAST_FLAG = 2;
    public static final int NEGATION_FLAG = 3;
    public static final int REPEAT_FLAG = 4;
    public static final int SELF_REPAIR_FLAG = 5;

    static final Set<String> FILLERS = Set.of("um", "umm", "uh", "uhh", "uhm", "er", "erm", "hmm", "hm", "mm", "ah", "eh");
    static final Set<String> HEDGES = Set.of("maybe", "perhaps", "probably", "possibly", "somewhat", "presumably", "apparently");
    static final List<List<String>> HEDGE_PHRASES = List.of(List.of("i", "guess"), List.of("i", "think"), List.of("kind", "of"),
            List.of("sort", "of"), List.of("kinda"), List.of("sorta"), List.of("i", "suppose"), List.of("i'm", "not", "sure"),
            List.of("i", "don't", "know"));
    static final List<List<String>> REPAIR_PHRASES = List.of(List.of("i", "mean"));
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

    /** Whether a raw word is a cut-off fragment such as {@code w-} or {@code wa—}. */
    public static boolean isFragment(String raw) {
        String w = raw.strip();
        return w.length() > 1 && (w.endsWith("-") || w.endsWith("\u2014") || w.endsWith("\u2013"))
                && Character.isLetter(w.charAt(w.length() - 2));
    }

    /**
     * The flags of every word of an utterance or transcript in order, with multi-word hedges and
     * self-repairs matched across consecutive words.
     *
     * @param rawWords the words as transcribed (fragments keep their trailing dash)
     * @return {@code [n][COUNT]} flags
     */
    public static float[][] flagSequence(List<String> rawWords) {
        int n = rawWords.size();
        String[] norm = new String[n];
        for (int i = 0; i < n; i++) {
            norm[i] = normalize(rawWords.get(i));
        }
        float[][] out = new float[n][COUNT];
        for (int i = 0; i < n; i++) {
            flags(norm[i], i == 0 ? null : norm[i - 1], out[i], 0);
        }
        for (int i = 0; i < n; i++) {
            markPhrases(norm, i, HEDGE_PHRASES, out, HEDGE_FLAG);
            markPhrases(norm, i, REPAIR_PHRASES, out, SELF_REPAIR_FLAG);
            if (isFragment(rawWords.get(i))) {
                out[i][SELF_REPAIR_FLAG] = 1;
                if (i + 1 < n && i > 0 && norm[i + 1].equals(norm[i - 1])) {
                    out[i + 1][SELF_REPAIR_FLAG] = 1;
                }
            }
            if (out[i][REPEAT_FLAG] == 1) {
                out[i][SELF_REPAIR_FLAG] = 1;
            }
        }
        return out;
    }

    private static void markPhrases(String[] norm, int i, List<List<String>> phrases, float[][] out, int flag) {
        for (List<String> p : phrases) {
            if (i + p.size() > norm.length) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < p.size() && match; k++) {
                match = p.get(k).equals(norm[i + k]);
            }
            if (match) {
                for (int k = 0; k < p.size(); k++) {
                    out[i + k][flag] = 1;
                }
            }
        }
    }

    /**
     * Writes the single-word flags of a word into {@code out[offset .. offset+COUNT)} (no phrase
     * matching: use {@link #flagSequence(List)} for that).
     *
     * @param previous the previous word normalised, or null at the start
     */
    public static void flags(String normalized, String previous, float[] out, int offset) {
        out[offset + FILLER_FLAG] = isFiller(normalized) ? 1 : 0;
        out[offset + HEDGE_FLAG] = isHedge(normalized) ? 1 : 0;
        out[offset + CONTRAST_FLAG] = isContrast(normalized) ? 1 : 0;
        out[offset + NEGATION_FLAG] = isNegation(normalized) ? 1 : 0;
        out[offset + REPEAT_FLAG] = previous != null && !normalized.isEmpty() && normalized.equals(previous) ? 1 : 0;
        out[offset + SELF_REPAIR_FLAG] = out[offset + REPEAT_FLAG];
    }
}
