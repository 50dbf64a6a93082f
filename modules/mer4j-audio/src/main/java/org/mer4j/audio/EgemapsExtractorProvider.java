package org.mer4j.audio;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code egemaps}: the 88 eGeMAPSv02 functionals (Eyben et al., IEEE Trans.
 * Affective Computing 2016) per clip or segment, plus 6 pause/rate columns unless
 * {@code pauseColumns: false}.
 */
public final class EgemapsExtractorProvider implements FeatureExtractorProvider<EgemapsConfig> {
    /** Config name. */
    public static final String NAME = "egemaps";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.AUDIO;
    }

    @Override
    public Class<EgemapsConfig> configType() {
        return EgemapsConfig.class;
    }

    @Override
    public EgemapsConfig defaultConfig() {
        return EgemapsConfig.defaults();
    }

    @Override
    public FeatureExtractor create(EgemapsConfig config) {
        return new EgemapsExtractor(config);
    }
}
