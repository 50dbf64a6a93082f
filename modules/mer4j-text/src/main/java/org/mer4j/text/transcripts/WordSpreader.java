package org.mer4j.text.transcripts;

import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.TimedWord;

/**
 * Gives words times when only the utterance (cue, segment, row) is timed: the utterance text is
 * split on white space, tokens with no letter or digit (dashes, "...") are dropped, and
 * {@code [start, end]} is divided among the remaining words in proportion to their number of
 * letters and digits (at least 1), back to back, the last word ending exactly at {@code end}.
 * Speaking time grows roughly with word length, so this is a better guess than equal shares; it is
 * still a guess, to be replaced by forced alignment or ASR when word timing matters.
 */
public final class WordSpreader {
    private WordSpreader() {
    }

    /** The words of {@code text} spread over {@code [start, end]}; empty when the text has no word. */
    public static List<TimedWord> spread(String text, double start, double end) {
        List<String> tokens = tokens(text);
        List<TimedWord> out = new ArrayList<>(tokens.size());
        if (tokens.isEmpty()) {
            return out;
        }
        double total = 0;
        double[] weight = new double[tokens.size()];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = Math.max(1, letters(tokens.get(i)));
            total += weight[i];
        }
        double t = start;
        double acc = 0;
        for (int i = 0; i < weight.length; i++) {
            acc += weight[i];
            double e = i == weight.length - 1 ? end : start + (end - start) * acc / total;
            out.add(new TimedWord(tokens.get(i), t, Math.max(t, e)));
            t = Math.max(t, e);
        }
        return out;
    }

    /** White-space tokens that contain at least one letter or digit. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String tok : text.strip().split("\\s+")) {
            if (letters(tok) > 0) {
                out.add(tok);
            }
        }
        return out;
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
