package org.mer4j.models.fusion;

import org.mer4j.models.layers.EncoderConfig;

/**
 * Configuration of {@link GmuProvider} ({@code fusion: {type: gmu, ...}}).
 *
 * @param dModel width of each modality's hidden {@code h_m} and of the fused output (default 32)
 * @param encoderLayers Transformer encoder layers per modality before the unit; 0 (default) feeds
 *     the features straight to the unit, as in the paper
 * @param heads attention heads of those encoders, must divide dModel (default 4)
 * @param dropout dropout probability in [0,1) in the encoders and on the fused output (default 0.1)
 * @param ffMultiplier feed-forward width multiplier of the encoders (default 4)
 * @param activation encoder feed-forward activation, {@code gelu} (default) or {@code relu}
 */
public record GmuConfig(int dModel, int encoderLayers, int heads, float dropout, int ffMultiplier, String activation) {
    public GmuConfig {
        if (encoderLayers < 0) {
            throw new IllegalArgumentException("fusion.encoderLayers must be >= 0, got " + encoderLayers
                    + "; use 0 for no encoder or 1-2 for a Transformer encoder per modality");
        }
        new EncoderConfig(dModel, heads, encoderLayers, dropout, ffMultiplier, activation);
    }

    /** The defaults listed above. */
    public static GmuConfig defaults() {
        return new GmuConfig(32, 0, 4, 0.1f, 4, "gelu");
    }

    /** The shape of each modality's encoder (used when {@code encoderLayers > 0}). */
    public EncoderConfig encoder() {
        return new EncoderConfig(dModel, heads, encoderLayers, dropout, ffMultiplier, activation);
    }
}
