package org.mer4j.models.fusion;

import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.Modality;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.layers.EncoderConfig;

/**
 * Configuration of {@link AteiProvider} ({@code fusion: {type: atei, ...}}), the acoustic–textual
 * emotional inconsistency model after Su et al. 2024 (see {@link AteiFusionBlock}).
 *
 * @param dModel width of the modality encoders, the cross-modal layers and the fusion transformer (default 32)
 * @param heads attention heads, must divide dModel (default 4)
 * @param layers self-attention layers per modality encoder (default 1)
 * @param fusionLayers self-attention layers of the transformer that fuses the encoded modalities with
 *     the inconsistency branch (default 1, at least 1)
 * @param dropout dropout probability in [0,1) (default 0.1)
 * @param ffMultiplier feed-forward width multiplier (default 4)
 * @param activation {@code gelu} (default) or {@code relu}
 * @param window how far in time a step of one pair member may look into the other: step {@code t}
 *     attends to steps {@code t - window .. t + window} (0 = the same step only); null (default) = the
 *     whole sequence. As in {@link CrossAttentionConfig}, a window keeps the comparison local on an
 *     aligned timeline
 * @param pair the two "emotion sequence" modalities whose mismatch is modelled, e.g.
 *     {@code [audio, text]}; null (default) = {@code [audio, text]} when the spec has both, else its
 *     first two modalities
 * @param inconsistencyScale initial value of the learned scalar that multiplies the inconsistency
 *     branch before fusion (default 1.0; it is trained with the rest of the model)
 */
public record AteiConfig(int dModel, int heads, int layers, int fusionLayers, float dropout, int ffMultiplier, String activation,
                         Integer window, List<String> pair, float inconsistencyScale) {

    public AteiConfig {
        new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
        if (fusionLayers < 1) {
            throw new IllegalArgumentException("fusion.fusionLayers must be at least 1, got " + fusionLayers
                    + "; the inconsistency branch is fused with the modalities by a transformer, use e.g. 1");
        }
        if (window != null && window < 0) {
            throw new IllegalArgumentException("fusion.window must be >= 0 steps (0 = the same step), got " + window
                    + "; leave it out to attend to whole sequences");
        }
        if (!Float.isFinite(inconsistencyScale)) {
            throw new IllegalArgumentException("fusion.inconsistencyScale must be a finite number, got " + inconsistencyScale
                    + "; use e.g. 1.0");
        }
        pair = pair == null ? null : normalise(pair);
    }

    /** The defaults listed above. */
    public static AteiConfig defaults() {
        return new AteiConfig(32, 4, 1, 1, 0.1f, 4, "gelu", null, null, 1.0f);
    }

    /** The encoder shape of the modality encoders and cross-modal layers. */
    public EncoderConfig encoder() {
        return new EncoderConfig(dModel, heads, layers, dropout, ffMultiplier, activation);
    }

    /** The encoder shape of the fusion transformer. */
    public EncoderConfig fusionEncoder() {
        return new EncoderConfig(dModel, heads, fusionLayers, dropout, ffMultiplier, activation);
    }

    /**
     * The pair for {@code spec}: {@link #pair()} when set, else {@code [audio, text]} when both are
     * modalities of the spec, else the spec's first two modalities.
     *
     * @throws IllegalArgumentException naming {@code fusion.pair} when a configured modality is not in the
     *     spec, or when the spec has fewer than two modalities
     */
    public List<Modality> pairFor(ModelSpec spec) {
        List<Modality> modalities = spec.modalities();
        if (modalities.size() < 2) {
            throw new IllegalArgumentException(AteiProvider.NAME + " needs at least two modalities (fusion.pair compares two), the spec lists "
                    + spec.keys() + "; use early-fusion for a unimodal baseline");
        }
        if (pair == null) {
            if (modalities.contains(Modality.AUDIO) && modalities.contains(Modality.TEXT)) {
                return List.of(Modality.AUDIO, Modality.TEXT);
            }
            return List.of(modalities.get(0), modalities.get(1));
        }
        List<Modality> chosen = new ArrayList<>(2);
        for (String key : pair) {
            Modality m = Modality.parse(key);
            if (!modalities.contains(m)) {
                throw new IllegalArgumentException("fusion.pair names " + key + ", which is not a modality of this model " + spec.keys()
                        + "; set fusion.pair to two of them, or leave it out for the default");
            }
            chosen.add(m);
        }
        return List.copyOf(chosen);
    }

    private static List<String> normalise(List<String> pair) {
        if (pair.size() != 2) {
            throw new IllegalArgumentException("fusion.pair must name exactly two modalities, e.g. [audio, text], got " + pair
                    + "; leave it out for the default");
        }
        List<String> keys = new ArrayList<>(2);
        for (String key : pair) {
            try {
                keys.add(Modality.parse(key).key());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fusion.pair: " + e.getMessage(), e);
            }
        }
        if (keys.get(0).equals(keys.get(1))) {
            throw new IllegalArgumentException("fusion.pair must name two different modalities, got " + pair);
        }
        return List.copyOf(keys);
    }
}
