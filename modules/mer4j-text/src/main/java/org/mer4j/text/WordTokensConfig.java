package org.mer4j.text;

/**
 * Settings of the {@code word-tokens} extractor.
 *
 * @param hopSeconds step of the output grid in seconds, in [0.01, 1] (default 0.1)
 * @param dim width of the hashed word embedding, in [4, 1024] (default 32); rows are {@code dim + 6} wide (the sixth flag, self-repair, is new in 0.1: 38 columns by default, was 37)
 * @param hashSeed seed of the embedding hash; change it to draw a different random projection (default 17)
 */
public record WordTokensConfig(double hopSeconds, int dim, long hashSeed) {
    public WordTokensConfig {
        if (!(hopSeconds >= 0.01) || hopSeconds > 1) {
            throw new IllegalArgumentException("word-tokens.hopSeconds must be in [0.01, 1], got " + hopSeconds + "; 0.1 matches 10 fps video");
        }
        if (dim < 4 || dim > 1024) {
            throw new IllegalArgumentException("word-tokens.dim must be in [4, 1024], got " + dim + "; 32 is the default");
        }
    }

    /** 0.1 s hop, 32 hashed dims, seed 17. */
    public static WordTokensConfig defaults() {
        return new WordTokensConfig(0.1, 32, 17);
    }
}
