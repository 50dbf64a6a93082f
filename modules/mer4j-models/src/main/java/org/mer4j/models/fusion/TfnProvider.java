package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/** Registers {@link TfnBlock} (Tensor Fusion Network, Zadeh et al. 2017) as {@code tfn}. */
public final class TfnProvider implements FusionModelProvider<TfnConfig> {
    /** Name in configs. */
    public static final String NAME = "tfn";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TfnConfig> configType() {
        return TfnConfig.class;
    }

    @Override
    public TfnConfig defaultConfig() {
        return TfnConfig.defaults();
    }

    @Override
    public FusionBlock build(TfnConfig config, ModelSpec spec) {
        return new TfnBlock(config, spec);
    }
}
