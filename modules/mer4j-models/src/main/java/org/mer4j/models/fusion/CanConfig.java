package org.mer4j.models.fusion;

import org.mer4j.models.layers.EncoderConfig;

/**
 * Configuration of {@link CanProvider} ({@code fusion: {type: can, ...}}), the joint cross-attention
 * model (see {@link CanBlock}).
 *
 * @param dModel width of the modality encoders and the attended features (default 32); the joint
 *     representation has {@code M * dModel} features per step
 * @param heads attention heads of the modality encoders, must divide dModel (default 4)
 * @param layers self-attention layers of each modality encoder (default 1)
 * @param dropout dropout probability in [0,1) (default 0.1)
 * @param ffMultiplier feed-forward width multiplier (default 4)
 * @param activation {@code gelu} (default) or {@code relu}
 */
public record CanConfig(int dModel, int heads, int layers, float dropout, int ffMultiplier, String activation) {
    public CanConfig {
        new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
    }

    /** The defaults listed above. */
    public static CanConfig defaults() {
        return new CanConfig(32, 4, 1, 0.1f, 4, "gelu");
    }

    /** The shape of the modality encoders. */
    public EncoderConfig encoder() {
        return new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
    }
}
