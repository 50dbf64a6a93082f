package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/**
 * Registers {@link LfanBlock}, leader-follower attentive fusion (Zhang, Ding, Wei, Guan 2021,
 * "Continuous Emotion Recognition with Audio-visual Leader-follower Attentive Fusion", ICCV
 * Workshops (ABAW2); reused in Zhang, Zhao, Guan 2023, "Multimodal Continuous Emotion Recognition: A
 * Technical Report for ABAW5", CVPR Workshops), as {@code lfan}.
 */
public final class LfanProvider implements FusionModelProvider<LfanConfig> {
    /** Name in configs. */
    public static final String NAME = "lfan";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<LfanConfig> configType() {
        return LfanConfig.class;
    }

    @Override
    public LfanConfig defaultConfig() {
        return LfanConfig.defaults();
    }

    @Override
    public FusionBlock build(LfanConfig config, ModelSpec spec) {
        return new LfanBlock(config, spec);
    }
}
