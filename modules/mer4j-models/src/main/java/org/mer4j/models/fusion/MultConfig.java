package org.mer4j.models.fusion;

import org.mer4j.models.layers.EncoderConfig;

/**
 * Configuration of {@link MultProvider} ({@code fusion: {type: mult, ...}}), the Multimodal
 * Transformer of Tsai et al. 2019 (see {@link MultBlock}).
 *
 * @param dModel width of the temporal projections and the crossmodal transformers (default 32); the
 *     self-attention transformer of each target works on {@code (M-1) * dModel}
 * @param heads attention heads, must divide dModel (default 4)
 * @param kernel odd kernel size of the temporal Conv1d projection of every modality (default 1, as
 *     in the authors' code for aligned data); masked steps enter the convolution as zeros
 * @param crossLayers crossmodal attention layers per ordered pair target ← source (default 1, at least 1)
 * @param selfLayers self-attention layers over each target's concatenated crossmodal outputs
 *     (default 1; 0 leaves them out, an ablation)
 * @param dropout dropout probability in [0,1) (default 0.1)
 * @param ffMultiplier feed-forward width multiplier (default 4)
 * @param activation {@code gelu} (default) or {@code relu}
 * @param window how far in time a target step may look into a source modality: source steps
 *     {@code t - window .. t + window} (0 = the same step only); null (default) = the whole
 *     sequence, as in the paper. Applies to the crossmodal layers only
 */
public record MultConfig(int dModel, int heads, int kernel, int crossLayers, int selfLayers, float dropout, int ffMultiplier,
                         String activation, Integer window) {
    public MultConfig {
        if (selfLayers < 0) {
            throw new IllegalArgumentException("fusion.selfLayers must be >= 0, got " + selfLayers + "; use 1 (default) or 2");
        }
        new EncoderConfig(dModel, heads, selfLayers, dropout, ffMultiplier, activation);
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("fusion.kernel must be an odd number >= 1 (the Conv1d keeps the timeline length with"
                    + " (kernel-1)/2 steps of padding on each side), got " + kernel + "; use 1 (default), 3 or 5");
        }
        if (crossLayers < 1) {
            throw new IllegalArgumentException("fusion.crossLayers must be at least 1, got " + crossLayers
                    + "; use early-fusion for a model without cross-modal attention");
        }
        if (window != null && window < 0) {
            throw new IllegalArgumentException("fusion.window must be >= 0 steps (0 = the same step), got " + window
                    + "; leave it out to attend to whole sequences");
        }
    }

    /** The defaults listed above. */
    public static MultConfig defaults() {
        return new MultConfig(32, 4, 1, 1, 1, 0.1f, 4, "gelu", null);
    }

    /** The shape of the crossmodal layers (width dModel). */
    public EncoderConfig crossmodal() {
        return new EncoderConfig(dModel, heads, crossLayers, dropout, ffMultiplier, activation);
    }

    /** The shape of a target's self-attention transformer, of width {@code (modalities - 1) * dModel}. */
    public EncoderConfig selfAttention(int modalities) {
        return new EncoderConfig((modalities - 1) * dModel, heads, selfLayers, dropout, ffMultiplier, activation);
    }
}
