package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/** Registers {@link EarlyFusionBlock} as {@code early-fusion} (also the unimodal baseline with one modality). */
public final class EarlyFusionProvider implements FusionModelProvider<EarlyFusionConfig> {
    /** Name in configs. */
    public static final String NAME = "early-fusion";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<EarlyFusionConfig> configType() {
        return EarlyFusionConfig.class;
    }

    @Override
    public EarlyFusionConfig defaultConfig() {
        return EarlyFusionConfig.defaults();
    }

    @Override
    public FusionBlock build(EarlyFusionConfig config, ModelSpec spec) {
        return new EarlyFusionBlock(config, spec);
    }
}
