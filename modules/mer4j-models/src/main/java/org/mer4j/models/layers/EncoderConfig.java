package org.mer4j.models.layers;

/**
 * Shape of a {@link ModalityEncoder} / {@link EncoderLayer} stack.
 *
 * @param dModel model width d; must be divisible by {@code heads}
 * @param heads attention heads (at least 1)
 * @param layers number of encoder layers (0 = projection + positions only)
 * @param dropout dropout probability in [0, 1)
 * @param ffMultiplier feed-forward hidden width = ffMultiplier * dModel (at least 1)
 * @param activation feed-forward activation: {@code gelu} or {@code relu}
 */
public record EncoderConfig(int dModel, int heads, int layers, float dropout, int ffMultiplier, String activation) {
    public EncoderConfig {
        if (dModel <= 0) {
            throw new IllegalArgumentException("fusion.dModel must be positive, got " + dModel + "; use e.g. 32 or 64");
        }
        if (heads <= 0 || dModel % heads != 0) {
            throw new IllegalArgumentException("fusion.heads must be positive and divide fusion.dModel=" + dModel + ", got " + heads + "; use e.g. 4");
        }
        if (layers < 0) {
            throw new IllegalArgumentException("fusion.layers must be >= 0, got " + layers + "; use 1 or 2");
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("fusion.dropout must be in [0, 1), got " + dropout + "; use e.g. 0.1");
        }
        if (ffMultiplier <= 0) {
            throw new IllegalArgumentException("fusion.ffMultiplier must be positive, got " + ffMultiplier + "; use e.g. 4");
        }
        FeedForwardBlock.activation(activation);
    }
}
