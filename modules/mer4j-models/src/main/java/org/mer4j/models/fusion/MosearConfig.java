package org.mer4j.models.fusion;

import org.mer4j.models.layers.EncoderConfig;

/**
 * Configuration of {@link MosearProvider} ({@code fusion: {type: mosear, ...}}), modality-specific experts
 * with a regularised gate and attention reallocation after MoSEAR (Han et al. 2025, see
 * {@link MosearFusionBlock}).
 *
 * @param dModel width of every expert, the gate's hidden layer and the output (default 32)
 * @param heads attention heads, must divide dModel (default 4)
 * @param layers self-attention layers per modality expert (default 1)
 * @param dropout dropout probability in [0,1) (default 0.1)
 * @param ffMultiplier feed-forward width multiplier (default 4)
 * @param activation {@code gelu} (default) or {@code relu}
 * @param gateRegularization weight of the gate-balance regulariser {@code lossGateBalance}, the KL
 *     divergence of the mean gate from the uniform weighting of the present modalities; >= 0, 0 turns
 *     it off (default 0.1)
 * @param reallocation attention reallocation at inference, in [0,1]: the gate weights {@code w} are
 *     replaced by {@code (1 − r)·w + r·uniform} over the present modalities (0 = the trained gate as is,
 *     1 = plain averaging of the experts; default 0.5). Not applied while training
 */
public record MosearConfig(int dModel, int heads, int layers, float dropout, int ffMultiplier, String activation,
                           float gateRegularization, float reallocation) {

    public MosearConfig {
        new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
        if (!(gateRegularization >= 0f) || !Float.isFinite(gateRegularization)) {
            throw new IllegalArgumentException("fusion.gateRegularization must be a finite number >= 0, got " + gateRegularization
                    + "; use e.g. 0.1, or 0 to train the gate without the balance regulariser");
        }
        if (!(reallocation >= 0f && reallocation <= 1f)) {
            throw new IllegalArgumentException("fusion.reallocation must be in [0, 1], got " + reallocation
                    + "; 0 keeps the trained gate at inference, 1 averages the experts, e.g. 0.5");
        }
    }

    /** The defaults listed above. */
    public static MosearConfig defaults() {
        return new MosearConfig(32, 4, 1, 0.1f, 4, "gelu", 0.1f, 0.5f);
    }

    /** The encoder shape of the experts. */
    public EncoderConfig encoder() {
        return new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
    }
}
