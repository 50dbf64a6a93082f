package org.mer4j.models.fusion;

import org.mer4j.api.Modality;
import org.mer4j.models.layers.EncoderConfig;

/**
 * Configuration of {@link LfanProvider} ({@code fusion: {type: lfan, ...}}), leader-follower
 * attentive fusion (see {@link LfanBlock}).
 *
 * @param dModel width of the modality encoders, the follower attention and the fusion encoder (default 32)
 * @param heads attention heads, must divide dModel (default 4)
 * @param layers self-attention layers of each modality encoder (default 1)
 * @param fusionLayers self-attention layers of the small encoder after the leader-anchored
 *     concatenation (default 1; 0 = a linear projection only, as the regressor of the authors' code)
 * @param dropout dropout probability in [0,1) (default 0.1)
 * @param ffMultiplier feed-forward width multiplier (default 4)
 * @param activation {@code gelu} (default) or {@code relu}
 * @param leader the leader modality ({@code video}, {@code audio} or {@code text}); null (default) =
 *     the first modality of the model spec (video in the usual video, audio order)
 */
public record LfanConfig(int dModel, int heads, int layers, int fusionLayers, float dropout, int ffMultiplier, String activation,
                         String leader) {
    public LfanConfig {
        new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
        if (fusionLayers < 0) {
            throw new IllegalArgumentException("fusion.fusionLayers must be >= 0, got " + fusionLayers + "; use 1 (default) or 0");
        }
        if (leader != null) {
            try {
                Modality.parse(leader);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fusion.leader: " + e.getMessage() + "; or leave it out to lead with the first modality", e);
            }
        }
    }

    /** The defaults listed above. */
    public static LfanConfig defaults() {
        return new LfanConfig(32, 4, 1, 1, 0.1f, 4, "gelu", null);
    }

    /** The shape of the modality encoders. */
    public EncoderConfig encoder() {
        return new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
    }

    /** The shape of the fusion encoder. */
    public EncoderConfig fusionEncoder() {
        return new EncoderConfig(dModel, heads, fusionLayers, dropout, ffMultiplier, activation);
    }
}
