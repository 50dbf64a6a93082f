package org.mer4j.text;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic hashed word embedding (feature hashing, Weinberger et al., "Feature hashing for
 * large scale multitask learning", ICML 2009): dimension {@code d} of a word is
 * {@code ±1/sqrt(dim)}, the sign drawn from a 64-bit hash (FNV-1a of the UTF-8 word, mixed with
 * the seed and {@code d} through the SplitMix64 finaliser). Same word, seed and dim give the same
 * vector on every JVM; different words give nearly orthogonal vectors.
 */
public final class WordHasher {
    private final int dim;
    private final long seed;
    private final float scale;

    public WordHasher(int dim, long seed) {
        if (dim <= 0) {
            throw new IllegalArgumentException("hash dim must be positive, got " + dim);
        }
        this.dim = dim;
        this.seed = seed;
        this.scale = (float) (1 / Math.sqrt(dim));
    }

    /** Writes the embedding of an already-normalised word into {@code out[offset .. offset+dim)}. */
    public void embed(String word, float[] out, int offset) {
        long h = fnv1a(word.getBytes(StandardCharsets.UTF_8)) ^ mix(seed);
        for (int d = 0; d < dim; d++) {
            long bits = mix(h + 0x9E3779B97F4A7C15L * (d + 1));
            out[offset + d] = (bits & 1L) == 0 ? scale : -scale;
        }
    }

    /** The embedding as a new array. */
    public float[] embed(String word) {
        float[] v = new float[dim];
        embed(word, v, 0);
        return v;
    }

    static long fnv1a(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
