package org.mer4j.text.minilm;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/** Registers {@link MiniLmFineTuneBlock} as fusion model {@code minilm}: all-MiniLM-L6-v2 fine-tuned on the task. */
public final class MiniLmFineTuneProvider implements FusionModelProvider<MiniLmFineTuneConfig> {
    /** Name in configs. */
    public static final String NAME = "minilm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<MiniLmFineTuneConfig> configType() {
        return MiniLmFineTuneConfig.class;
    }

    @Override
    public MiniLmFineTuneConfig defaultConfig() {
        return MiniLmFineTuneConfig.defaults();
    }

    @Override
    public FusionBlock build(MiniLmFineTuneConfig config, ModelSpec spec) {
        return new MiniLmFineTuneBlock(config, spec);
    }
}
