package org.mer4j.text.torchscript;

/**
 * Settings of the {@code text-torchscript} extractor.
 *
 * @param hopSeconds grid step in seconds, in [0.01, 1] (default 0.1)
 * @param modelPath a TorchScript file ({@code torch.jit.save}) taking int64 token ids {@code [1, T]} and returning
 *     {@code [1, T, D]} (per-word embeddings) or {@code [1, D]} (one utterance embedding); required, no default
 * @param vocabPath one token per line, line number = id, with an {@code [UNK]} line; required, no default
 * @param maxTokens longest id sequence per forward pass, in [1, 8192] (default 128); longer transcripts go in chunks
 * @param outputDim expected D, in [1, 8192]; a model returning another width fails (default 768)
 * @param modelSha256 the sha256 of the model file, required: a TorchScript file is code and can run file
 *     operations when loaded, so a file that is not the pinned one is never loaded ({@link org.mer4j.api.PinnedFiles})
 */
public record TextTorchScriptConfig(double hopSeconds, String modelPath, String vocabPath, int maxTokens, int outputDim,
                                    String modelSha256) {
    public TextTorchScriptConfig {
        if (!(hopSeconds >= 0.01) || hopSeconds > 1) {
            throw new IllegalArgumentException("text-torchscript.hopSeconds must be in [0.01, 1], got " + hopSeconds);
        }
        if (maxTokens < 1 || maxTokens > 8192) {
            throw new IllegalArgumentException("text-torchscript.maxTokens must be in [1, 8192], got " + maxTokens);
        }
        if (outputDim < 1 || outputDim > 8192) {
            throw new IllegalArgumentException("text-torchscript.outputDim must be in [1, 8192], got " + outputDim);
        }
    }

    /** Defaults without paths (0.1 s, 128 tokens, 768 wide); {@link #requirePaths()} fails until they are set. */
    public static TextTorchScriptConfig defaults() {
        return new TextTorchScriptConfig(0.1, null, null, 128, 768, null);
    }

    /** Fails naming the missing required path. */
    public TextTorchScriptConfig requirePaths() {
        if (modelPath == null || modelPath.isBlank()) {
            throw new IllegalArgumentException("text-torchscript.modelPath is required (no model is shipped): a TorchScript file made with torch.jit.save");
        }
        if (vocabPath == null || vocabPath.isBlank()) {
            throw new IllegalArgumentException("text-torchscript.vocabPath is required: the model's one-token-per-line vocabulary");
        }
        return this;
    }
}
