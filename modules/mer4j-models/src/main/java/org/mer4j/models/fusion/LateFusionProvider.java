package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/** Registers {@link LateFusionBlock} (decision-level fusion with learned modality weights) as {@code late-fusion}. */
public final class LateFusionProvider implements FusionModelProvider<LateFusionConfig> {
    /** Name in configs. */
    public static final String NAME = "late-fusion";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<LateFusionConfig> configType() {
        return LateFusionConfig.class;
    }

    @Override
    public LateFusionConfig defaultConfig() {
        return LateFusionConfig.defaults();
    }

    @Override
    public FusionBlock build(LateFusionConfig config, ModelSpec spec) {
        return new LateFusionBlock(config, spec);
    }
}
