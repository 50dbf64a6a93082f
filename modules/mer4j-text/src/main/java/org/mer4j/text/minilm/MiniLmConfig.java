package org.mer4j.text.minilm;

import java.util.Locale;

/**
 * Settings of the {@code text-minilm} extractor. The whole record and the sha256 of the model and
 * tokenizer in use ({@link MiniLmExtractor#fileDigests()}) are the extractor's cache identity: another
 * model version, output, hop, sequence length, batch size or thread count never reuses cached features.
 *
 * @param output {@code utterance} (default): one row per clip at time 0, the 384-d mean of the
 *     last hidden state over all tokens ([CLS] and [SEP] included), L2-normalised, as
 *     sentence-transformers computes all-MiniLM-L6-v2 sentence embeddings; a clip without words
 *     gets a masked zero row. {@code words}: contextual word embeddings on a grid of
 *     {@code hopSeconds} steps, each word the mean of its word pieces' last hidden states (not
 *     normalised), each step the word covering most of it, steps without a word masked
 * @param hopSeconds grid step of the {@code words} output in seconds, in [0.01, 1] (default 0.1;
 *     set it to 1 / alignment.rate); not used by {@code utterance}
 * @param maxTokens longest sequence per forward pass, [CLS] and [SEP] included, in [16, 512]
 *     (default 256, the model's max_seq_length in sentence-transformers). A longer transcript is
 *     cut at word boundaries into chunks that are encoded separately; its utterance embedding is
 *     then the mean over the tokens of all chunks (identical to sentence-transformers when the
 *     text fits, where sentence-transformers would truncate instead)
 * @param batchSize sequences per forward pass, in [1, 1024] (default 32); sequences are sorted by
 *     length first, so a batch holds little padding
 * @param intraOpThreads ONNX Runtime intra-op threads, in [1, 64] (default 1: clips already run
 *     in parallel on {@code features.threads})
 * @param modelSha256 sha256 of the ONNX model bytes; null (default) takes the model on the class
 *     path and records its hash; a value pins it, and a different model fails at start-up
 * @param tokenizerSha256 sha256 of the tokenizer.json bytes, like {@code modelSha256}
 */
public record MiniLmConfig(String output, double hopSeconds, int maxTokens, int batchSize, int intraOpThreads,
                           String modelSha256, String tokenizerSha256) {
    /** The per-clip output. */
    public static final String UTTERANCE = "utterance";
    /** The per-word output on the grid. */
    public static final String WORDS = "words";

    public MiniLmConfig {
        output = output == null ? UTTERANCE : output.trim().toLowerCase(Locale.ROOT);
        if (!output.equals(UTTERANCE) && !output.equals(WORDS)) {
            throw new IllegalArgumentException("text-minilm.output must be 'utterance' (one embedding per clip) or 'words'"
                    + " (one per word on the hopSeconds grid), got '" + output + "'");
        }
        if (!(hopSeconds >= 0.01) || hopSeconds > 1) {
            throw new IllegalArgumentException("text-minilm.hopSeconds must be in [0.01, 1], got " + hopSeconds
                    + "; use 1 / alignment.rate");
        }
        if (maxTokens < 16 || maxTokens > 512) {
            throw new IllegalArgumentException("text-minilm.maxTokens must be in [16, 512] (the model has 512 positions), got "
                    + maxTokens + "; 256 is the model's usual length");
        }
        if (batchSize < 1 || batchSize > 1024) {
            throw new IllegalArgumentException("text-minilm.batchSize must be in [1, 1024], got " + batchSize);
        }
        if (intraOpThreads < 1 || intraOpThreads > 64) {
            throw new IllegalArgumentException("text-minilm.intraOpThreads must be in [1, 64], got " + intraOpThreads);
        }
        modelSha256 = checkSha(modelSha256, "modelSha256");
        tokenizerSha256 = checkSha(tokenizerSha256, "tokenizerSha256");
    }

    /** Utterance output, 0.1 s hop, 256 tokens, batches of 32, one thread, the model on the class path. */
    public static MiniLmConfig defaults() {
        return new MiniLmConfig(UTTERANCE, 0.1, 256, 32, 1, null, null);
    }

    /** Whether the output is one row per clip. */
    public boolean utterance() {
        return output.equals(UTTERANCE);
    }

    /** This config with the hashes of the model actually used. */
    public MiniLmConfig withHashes(String model, String tokenizer) {
        return new MiniLmConfig(output, hopSeconds, maxTokens, batchSize, intraOpThreads, model, tokenizer);
    }

    private static String checkSha(String sha, String field) {
        if (sha == null || sha.isBlank()) {
            return null;
        }
        String s = sha.trim().toLowerCase(Locale.ROOT);
        if (!s.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("text-minilm." + field + " must be 64 hex digits (a sha256), got '" + sha
                    + "'; leave it out to use the model on the class path");
        }
        return s;
    }
}
