package org.mer4j.audio;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code vad}: per-hop speech flag (energy + voicing with hangover), pause
 * and syllable-nucleus counts (de Jong and Wempe 2009); see {@link VadExtractor#COLUMNS}.
 */
public final class VadExtractorProvider implements FeatureExtractorProvider<VadConfig> {
    /** Config name. */
    public static final String NAME = "vad";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.AUDIO;
    }

    @Override
    public Class<VadConfig> configType() {
        return VadConfig.class;
    }

    @Override
    public VadConfig defaultConfig() {
        return VadConfig.defaults();
    }

    @Override
    public FeatureExtractor create(VadConfig config) {
        return new VadExtractor(config);
    }
}
