package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/** Registers {@link GmuBlock} (Gated Multimodal Unit, Arevalo et al. 2017) as {@code gmu}. */
public final class GmuProvider implements FusionModelProvider<GmuConfig> {
    /** Name in configs. */
    public static final String NAME = "gmu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<GmuConfig> configType() {
        return GmuConfig.class;
    }

    @Override
    public GmuConfig defaultConfig() {
        return GmuConfig.defaults();
    }

    @Override
    public FusionBlock build(GmuConfig config, ModelSpec spec) {
        return new GmuBlock(config, spec);
    }
}
