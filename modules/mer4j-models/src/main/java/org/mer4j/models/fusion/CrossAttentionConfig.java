package org.mer4j.models.fusion;

import org.mer4j.models.layers.EncoderConfig;

/**
 * Configuration of {@link CrossAttentionProvider} ({@code fusion: {type: cross-attention, ...}}).
 *
 * @param dModel width of every encoder and cross-modal layer (default 32)
 * @param heads attention heads, must divide dModel (default 4)
 * @param layers self-attention layers per modality encoder (default 1)
 * @param crossLayers cross-modal attention layers per target modality (default 1, at least 1)
 * @param dropout dropout probability in [0,1) (default 0.1)
 * @param ffMultiplier feed-forward width multiplier (default 4)
 * @param activation {@code gelu} (default) or {@code relu}
 * @param window how far in time a step may look into the other modalities: step {@code t} attends to
 *     source steps {@code t - window .. t + window} (0 = the same step only); null (default) = the
 *     whole sequence, as in MulT. The timelines are aligned, so a window keeps the comparison local
 */
public record CrossAttentionConfig(int dModel, int heads, int layers, int crossLayers, float dropout, int ffMultiplier,
                                   String activation, Integer window) {
    /** Without a window (attention over whole sequences). */
    public CrossAttentionConfig(int dModel, int heads, int layers, int crossLayers, float dropout, int ffMultiplier, String activation) {
        this(dModel, heads, layers, crossLayers, dropout, ffMultiplier, activation, null);
    }

    public CrossAttentionConfig {
        if (window != null && window < 0) {
            throw new IllegalArgumentException("fusion.window must be >= 0 steps (0 = the same step), got " + window
                    + "; leave it out to attend to whole sequences");
        }
        new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
        if (crossLayers < 1) {
            throw new IllegalArgumentException("fusion.crossLayers must be at least 1, got " + crossLayers
                    + "; use early-fusion for a model without cross-modal attention");
        }
    }

    /** The defaults listed above. */
    public static CrossAttentionConfig defaults() {
        return new CrossAttentionConfig(32, 4, 1, 1, 0.1f, 4, "gelu");
    }

    /** The encoder shape shared by the modality encoders and cross-modal layers. */
    public EncoderConfig encoder() {
        return new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
    }
}
