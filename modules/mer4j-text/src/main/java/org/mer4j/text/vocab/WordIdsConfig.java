package org.mer4j.text.vocab;

/**
 * Settings of the {@code word-ids} extractor.
 *
 * @param hopSeconds grid step in seconds, in [0.01, 1] (default 0.1)
 */
public record WordIdsConfig(double hopSeconds) {
    public WordIdsConfig {
        if (!(hopSeconds >= 0.01) || hopSeconds > 1) {
            throw new IllegalArgumentException("word-ids.hopSeconds must be in [0.01, 1], got " + hopSeconds + "; 0.1 matches 10 fps video");
        }
    }

    /** 0.1 s. */
    public static WordIdsConfig defaults() {
        return new WordIdsConfig(0.1);
    }
}
