package org.mer4j.models.fusion;

import org.mer4j.models.layers.EncoderConfig;

/**
 * Configuration of {@link JmtProvider} ({@code fusion: {type: jmt, ...}}), the joint multimodal
 * transformer (see {@link JmtBlock}).
 *
 * @param dModel width of every encoder, cross-attention layer and branch (default 32)
 * @param heads attention heads, must divide dModel (default 4)
 * @param layers self-attention layers of each modality encoder (default 1)
 * @param jointLayers self-attention layers of the joint encoder (default 1)
 * @param crossLayers cross-attention layers per branch (default 1, at least 1)
 * @param dropout dropout probability in [0,1) (default 0.1)
 * @param ffMultiplier feed-forward width multiplier (default 4)
 * @param activation {@code gelu} (default) or {@code relu}
 */
public record JmtConfig(int dModel, int heads, int layers, int jointLayers, int crossLayers, float dropout, int ffMultiplier,
                        String activation) {
    public JmtConfig {
        if (jointLayers < 0) {
            throw new IllegalArgumentException("fusion.jointLayers must be >= 0, got " + jointLayers + "; use 1 (default) or 2");
        }
        new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
        if (crossLayers < 1) {
            throw new IllegalArgumentException("fusion.crossLayers must be at least 1, got " + crossLayers
                    + "; use early-fusion for a model without cross-modal attention");
        }
    }

    /** The defaults listed above. */
    public static JmtConfig defaults() {
        return new JmtConfig(32, 4, 1, 1, 1, 0.1f, 4, "gelu");
    }

    /** The shape of the modality encoders and the cross-attention layers. */
    public EncoderConfig encoder() {
        return new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
    }

    /** The shape of the joint encoder. */
    public EncoderConfig jointEncoder() {
        return new EncoderConfig(dModel, heads, jointLayers, dropout, ffMultiplier, activation);
    }
}
