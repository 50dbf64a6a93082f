package org.mer4j.models.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/**
 * Registers {@link MosearFusionBlock} as {@code mosear}: modality-specific experts with a regularised gate
 * and attention reallocation at inference, after MoSEAR (Han et al. 2025, "Benchmarking and Bridging
 * Emotion Conflicts for Multimodal Emotion Reasoning", ACM Multimedia 2025, arXiv:2508.01181).
 */
public final class MosearProvider implements FusionModelProvider<MosearConfig> {
    /** Name in configs. */
    public static final String NAME = "mosear";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<MosearConfig> configType() {
        return MosearConfig.class;
    }

    @Override
    public MosearConfig defaultConfig() {
        return MosearConfig.defaults();
    }

    @Override
    public FusionBlock build(MosearConfig config, ModelSpec spec) {
        return new MosearFusionBlock(config, spec);
    }
}
