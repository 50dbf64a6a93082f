package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/**
 * Registers {@link CanBlock}, the joint cross-attention model of Praveen et al. 2022 ("A Joint
 * Cross-Attention Model for Audio-Visual Fusion in Dimensional Emotion Recognition", CVPR
 * Workshops), as {@code can}.
 */
public final class CanProvider implements FusionModelProvider<CanConfig> {
    /** Name in configs. */
    public static final String NAME = "can";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CanConfig> configType() {
        return CanConfig.class;
    }

    @Override
    public CanConfig defaultConfig() {
        return CanConfig.defaults();
    }

    @Override
    public FusionBlock build(CanConfig config, ModelSpec spec) {
        return new CanBlock(config, spec);
    }
}
