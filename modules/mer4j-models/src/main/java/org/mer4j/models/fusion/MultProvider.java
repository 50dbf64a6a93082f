package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/**
 * Registers {@link MultBlock}, the Multimodal Transformer (Tsai, Bai, Liang, Kolter, Morency,
 * Salakhutdinov 2019, "Multimodal Transformer for Unaligned Multimodal Language Sequences", ACL), as
 * {@code mult}.
 */
public final class MultProvider implements FusionModelProvider<MultConfig> {
    /** Name in configs. */
    public static final String NAME = "mult";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<MultConfig> configType() {
        return MultConfig.class;
    }

    @Override
    public MultConfig defaultConfig() {
        return MultConfig.defaults();
    }

    @Override
    public FusionBlock build(MultConfig config, ModelSpec spec) {
        return new MultBlock(config, spec);
    }
}
