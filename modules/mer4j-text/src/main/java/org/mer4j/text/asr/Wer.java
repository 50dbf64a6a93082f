package org.mer4j.text.asr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate: word-level Levenshtein distance (substitutions + insertions + deletions) divided
 * by the number of reference words, after lower-casing and removing punctuation (apostrophes inside
 * words are kept, so "don't" stays one word).
 */
public final class Wer {
    private Wer() {
    }

    /** Lower-cased words without punctuation. */
    public static List<String> words(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("[^\\p{L}\\p{N}'\\s]", " ")
                .replaceAll("(^|\\s)'+|'+(\\s|$)", " ");
        List<String> out = new ArrayList<>();
        for (String w : t.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Edit distance between two word lists. */
    public static int distance(List<String> ref, List<String> hyp) {
        int[] d = new int[hyp.size() + 1];
        for (int j = 0; j <= hyp.size(); j++) {
            d[j] = j;
        }
        for (int i = 1; i <= ref.size(); i++) {
            int diag = d[0];
            d[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int up = d[j];
                d[j] = Math.min(Math.min(d[j] + 1, d[j - 1] + 1), diag + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1));
                diag = up;
            }
        }
        return d[hyp.size()];
    }

    /** WER of one hypothesis against one reference (hypothesis words as given). */
    public static double of(String reference, String hypothesis) {
        List<String> ref = words(reference);
        return ref.isEmpty() ? 0 : distance(ref, words(hypothesis)) / (double) ref.size();
    }
}
