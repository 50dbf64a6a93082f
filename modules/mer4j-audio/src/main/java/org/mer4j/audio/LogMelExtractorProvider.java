package org.mer4j.audio;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/** ServiceLoader entry of {@code logmel}: log mel filterbank energies per hop (64 bands by default). */
public final class LogMelExtractorProvider implements FeatureExtractorProvider<LogMelConfig> {
    /** Config name. */
    public static final String NAME = "logmel";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.AUDIO;
    }

    @Override
    public Class<LogMelConfig> configType() {
        return LogMelConfig.class;
    }

    @Override
    public LogMelConfig defaultConfig() {
        return LogMelConfig.defaults();
    }

    @Override
    public FeatureExtractor create(LogMelConfig config) {
        return new LogMelExtractor(config);
    }
}
