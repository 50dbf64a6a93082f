package org.mer4j.models.fusion;

import org.mer4j.models.layers.EncoderConfig;

/**
 * Configuration of {@link LateFusionProvider} ({@code fusion: {type: late-fusion, ...}}): the shape of
 * every per-modality encoder.
 *
 * @param dModel encoder width (default 32)
 * @param heads attention heads, must divide dModel (default 4)
 * @param layers encoder layers per modality (default 1)
 * @param dropout dropout probability in [0,1) (default 0.1)
 * @param ffMultiplier feed-forward width multiplier (default 4)
 * @param activation {@code gelu} (default) or {@code relu}
 */
public record LateFusionConfig(int dModel, int heads, int layers, float dropout, int ffMultiplier, String activation) {
    public LateFusionConfig {
        new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
    }

    /** The defaults listed above. */
    public static LateFusionConfig defaults() {
        return new LateFusionConfig(32, 4, 1, 0.1f, 4, "gelu");
    }

    /** The shape of each modality's encoder. */
    public EncoderConfig encoder() {
        return new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
    }
}
