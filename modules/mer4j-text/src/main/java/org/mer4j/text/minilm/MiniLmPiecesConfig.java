package org.mer4j.text.minilm;

import java.util.Locale;

/**
 * Settings of the {@code minilm-pieces} extractor. The record and the sha256 of the tokenizer in use
 * are the extractor's cache identity.
 *
 * @param maxPieces word pieces kept per clip, in [1, 510] (default 62: with [CLS] and [SEP], 64
 *     tokens); a longer transcript keeps its first {@code maxPieces} pieces
 * @param tokenizerSha256 sha256 of the tokenizer.json bytes; null (default) takes the tokenizer on
 *     the class path and records its hash; a value pins it
 */
public record MiniLmPiecesConfig(int maxPieces, String tokenizerSha256) {
    public MiniLmPiecesConfig {
        if (maxPieces < 1 || maxPieces > 510) {
            throw new IllegalArgumentException("minilm-pieces.maxPieces must be in [1, 510] (the model has 512 positions, two for [CLS]"
                    + " and [SEP]), got " + maxPieces + "; 62 covers nearly every conversational utterance");
        }
        if (tokenizerSha256 != null && !tokenizerSha256.isBlank()) {
            tokenizerSha256 = tokenizerSha256.trim().toLowerCase(Locale.ROOT);
            if (!tokenizerSha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("minilm-pieces.tokenizerSha256 must be 64 hex digits (a sha256), got '" + tokenizerSha256
                        + "'; leave it out to use the tokenizer on the class path");
            }
        } else {
            tokenizerSha256 = null;
        }
    }

    /** 62 pieces, the tokenizer on the class path. */
    public static MiniLmPiecesConfig defaults() {
        return new MiniLmPiecesConfig(62, null);
    }
}
