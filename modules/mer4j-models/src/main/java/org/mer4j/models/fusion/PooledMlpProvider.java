package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/** Registers {@link PooledMlpBlock} as {@code pooled-mlp}: the linear/MLP baseline on (pooled) features. */
public final class PooledMlpProvider implements FusionModelProvider<PooledMlpConfig> {
    /** Name in configs. */
    public static final String NAME = "pooled-mlp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<PooledMlpConfig> configType() {
        return PooledMlpConfig.class;
    }

    @Override
    public PooledMlpConfig defaultConfig() {
        return PooledMlpConfig.defaults();
    }

    @Override
    public FusionBlock build(PooledMlpConfig config, ModelSpec spec) {
        return new PooledMlpBlock(config, spec);
    }
}
