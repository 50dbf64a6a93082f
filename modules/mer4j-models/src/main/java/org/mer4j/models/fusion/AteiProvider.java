package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/**
 * Registers {@link AteiFusionBlock} as {@code atei}: acoustic–textual emotional inconsistency fusion after
 * Su et al. 2024, "Investigating Acoustic-Textual Emotional Inconsistency Information for Automatic
 * Depression Detection" (arXiv:2412.18614).
 */
public final class AteiProvider implements FusionModelProvider<AteiConfig> {
    /** Name in configs. */
    public static final String NAME = "atei";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AteiConfig> configType() {
        return AteiConfig.class;
    }

    @Override
    public AteiConfig defaultConfig() {
        return AteiConfig.defaults();
    }

    @Override
    public FusionBlock build(AteiConfig config, ModelSpec spec) {
        return new AteiFusionBlock(config, spec);
    }
}
