package org.mer4j.synth;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The small English vocabulary the synthetic speakers use: function words, neutral content words,
 * emotion-bearing content words per emotion, and the hesitation words of the text modality
 * (fillers, hedges, the contrastive "but").
 */
public final class Vocabulary {
    /** Function words; they carry no emotion. */
    public static final List<String> FUNCTION = List.of("the", "we", "to", "and", "it", "was", "a", "i", "then", "so",
            "of", "in", "my", "that", "on", "just");
    /** Content words per emotion; neutral ones describe everyday things. */
    public static final Map<Emotion, List<String>> CONTENT = Map.of(
            Emotion.NEUTRAL, List.of("went", "work", "today", "house", "morning", "office", "table", "walked", "people",
                    "water", "bus", "paper", "window", "road", "lunch", "meeting"),
            Emotion.HAPPY, List.of("great", "love", "wonderful", "fun", "glad", "happy", "amazing", "lovely", "enjoyed",
                    "excited", "beautiful", "perfect"),
            Emotion.SAD, List.of("miss", "lost", "tired", "alone", "sorry", "lonely", "cried", "empty", "hurt",
                    "gone", "heavy", "sadly"),
            Emotion.ANGRY, List.of("hate", "unfair", "annoyed", "stupid", "furious", "angry", "ridiculous", "sick",
                    "terrible", "wrong", "awful", "mad"));
    /** Filled pauses. */
    public static final List<String> FILLERS = List.of("um", "uh");
    /** Hedges, some of two words. */
    public static final List<String> HEDGES = List.of("maybe", "i guess", "kind of", "sort of", "i mean");

    /** Probability that a word slot is a content word (else a function word). */
    static final double CONTENT_SHARE = 0.85;
    /** Probability that a content word carries the segment's text emotion when that emotion is not neutral. */
    static final double EMOTIONAL_CONTENT_SHARE = 1.0;

    private Vocabulary() {
    }

    /** Draws the next ordinary word of a segment whose words carry {@code emotion}. */
    public static String nextWord(Emotion emotion, SplittableRandom rng) {
        return nextWord(emotion, 1, rng);
    }

    /**
     * Draws the next ordinary word of a segment whose words carry {@code emotion} at
     * {@code intensity}: a content word carries the emotion with probability
     * {@code EMOTIONAL_CONTENT_SHARE * intensity} and is a neutral content word otherwise, so at 0.5
     * half as many emotion words. Intensity 1 is {@link #nextWord(Emotion, SplittableRandom)}; the
     * draws consumed do not depend on it.
     */
    public static String nextWord(Emotion emotion, double intensity, SplittableRandom rng) {
        if (rng.nextDouble() >= CONTENT_SHARE) {
            return pick(FUNCTION, rng);
        }
        if (emotion != Emotion.NEUTRAL && rng.nextDouble() < EMOTIONAL_CONTENT_SHARE * intensity) {
            return pick(CONTENT.get(emotion), rng);
        }
        return pick(CONTENT.get(Emotion.NEUTRAL), rng);
    }

    /** The emotion a word carries, or null for function and hesitation words. */
    public static Emotion emotionOf(String word) {
        for (Emotion e : Emotion.values()) {
            if (CONTENT.get(e).contains(word)) {
                return e;
            }
        }
        return null;
    }

    /**
     * Syllable count by the vowel-group rule: runs of vowels (y counts after a consonant) are
     * syllable nuclei; a final silent "e" is not, except after "l" ("terrible"), nor the "e" of
     * "-ely" or of "-ed" after a consonant other than t/d ("tired", but "excited").
     */
    public static int syllables(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        int count = 0;
        boolean prevVowel = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean vowel = "aeiou".indexOf(c) >= 0 || (c == 'y' && i > 0 && !prevVowel);
            if (vowel && !prevVowel) {
                count++;
            }
            prevVowel = vowel;
        }
        if (w.length() > 2 && w.endsWith("e") && "aeiouy".indexOf(w.charAt(w.length() - 2)) < 0
                && w.charAt(w.length() - 2) != 'l' && count > 1) {
            count--;
        }
        if (w.endsWith("ely") && count > 2) {
            count--;                                     // "lonely", "lovely": the e is silent
        }
        if (w.endsWith("ed") && w.length() > 3 && "td".indexOf(w.charAt(w.length() - 3)) < 0 && count > 1) {
            count--;
        }
        return Math.max(1, count);
    }

    static String pick(List<String> list, SplittableRandom rng) {
        return list.get(rng.nextInt(list.size()));
    }
}
