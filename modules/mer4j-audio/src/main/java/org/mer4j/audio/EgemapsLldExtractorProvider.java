package org.mer4j.audio;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code egemaps-lld}: the 25 eGeMAPSv02 low-level descriptors per 10 ms hop
 * (Eyben et al., IEEE Trans. Affective Computing 2016), columns as in {@link EgemapsLld#NAMES}.
 */
public final class EgemapsLldExtractorProvider implements FeatureExtractorProvider<VoiceConfig> {
    /** Config name. */
    public static final String NAME = "egemaps-lld";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.AUDIO;
    }

    @Override
    public Class<VoiceConfig> configType() {
        return VoiceConfig.class;
    }

    @Override
    public VoiceConfig defaultConfig() {
        return VoiceConfig.defaults();
    }

    @Override
    public FeatureExtractor create(VoiceConfig config) {
        return new EgemapsLldExtractor(config);
    }
}
