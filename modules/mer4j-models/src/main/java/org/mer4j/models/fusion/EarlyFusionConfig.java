package org.mer4j.models.fusion;

import org.mer4j.models.layers.EncoderConfig;

/**
 * Configuration of {@link EarlyFusionProvider} ({@code fusion: {type: early-fusion, ...}}).
 *
 * @param dModel encoder width (default 32)
 * @param heads attention heads, must divide dModel (default 4)
 * @param layers encoder layers (default 1)
 * @param dropout dropout probability in [0,1) (default 0.1)
 * @param ffMultiplier feed-forward width multiplier (default 4)
 * @param activation {@code gelu} (default) or {@code relu}
 */
public record EarlyFusionConfig(int dModel, int heads, int layers, float dropout, int ffMultiplier, String activation) {
    public EarlyFusionConfig {
        new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
    }

    /** The defaults listed above. */
    public static EarlyFusionConfig defaults() {
        return new EarlyFusionConfig(32, 4, 1, 0.1f, 4, "gelu");
    }

    /** The encoder shape. */
    public EncoderConfig encoder() {
        return new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
    }
}
