package org.mer4j.audio;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/** ServiceLoader entry of {@code mfcc}: 13 MFCCs per 10 ms hop (Davis and Mermelstein 1980). */
public final class MfccExtractorProvider implements FeatureExtractorProvider<MfccConfig> {
    /** Config name. */
    public static final String NAME = "mfcc";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.AUDIO;
    }

    @Override
    public Class<MfccConfig> configType() {
        return MfccConfig.class;
    }

    @Override
    public MfccConfig defaultConfig() {
        return MfccConfig.defaults();
    }

    @Override
    public FeatureExtractor create(MfccConfig config) {
        return new MfccExtractor(config);
    }
}
