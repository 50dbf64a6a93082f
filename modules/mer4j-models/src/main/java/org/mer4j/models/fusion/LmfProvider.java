package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/** Registers {@link LmfBlock} (Low-rank Multimodal Fusion, Liu et al. 2018) as {@code lmf}. */
public final class LmfProvider implements FusionModelProvider<LmfConfig> {
    /** Name in configs. */
    public static final String NAME = "lmf";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<LmfConfig> configType() {
        return LmfConfig.class;
    }

    @Override
    public LmfConfig defaultConfig() {
        return LmfConfig.defaults();
    }

    @Override
    public FusionBlock build(LmfConfig config, ModelSpec spec) {
        return new LmfBlock(config, spec);
    }
}
