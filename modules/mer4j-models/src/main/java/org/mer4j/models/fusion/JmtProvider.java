package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/**
 * Registers {@link JmtBlock}, the joint multimodal transformer of Waligora et al. 2024 ("Joint
 * Multimodal Transformer for Emotion Recognition in the Wild", CVPR Workshops), as {@code jmt}.
 */
public final class JmtProvider implements FusionModelProvider<JmtConfig> {
    /** Name in configs. */
    public static final String NAME = "jmt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<JmtConfig> configType() {
        return JmtConfig.class;
    }

    @Override
    public JmtConfig defaultConfig() {
        return JmtConfig.defaults();
    }

    @Override
    public FusionBlock build(JmtConfig config, ModelSpec spec) {
        return new JmtBlock(config, spec);
    }
}
