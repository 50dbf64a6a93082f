package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/** Registers {@link CrossAttentionFusionBlock} (MulT-style, Tsai et al. 2019) as {@code cross-attention}. */
public final class CrossAttentionProvider implements FusionModelProvider<CrossAttentionConfig> {
    /** Name in configs. */
    public static final String NAME = "cross-attention";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CrossAttentionConfig> configType() {
        return CrossAttentionConfig.class;
    }

    @Override
    public CrossAttentionConfig defaultConfig() {
        return CrossAttentionConfig.defaults();
    }

    @Override
    public FusionBlock build(CrossAttentionConfig config, ModelSpec spec) {
        return new CrossAttentionFusionBlock(config, spec);
    }
}
