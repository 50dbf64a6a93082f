package org.mer4j.audio;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code prosody}: F0 (semitones re 27.5 Hz), voiced flag, voicing
 * probability and RMS dB per 10 ms hop (4 columns), after YIN (de Cheveigné and Kawahara 2002).
 */
public final class ProsodyExtractorProvider implements FeatureExtractorProvider<ProsodyConfig> {
    /** Config name. */
    public static final String NAME = "prosody";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.AUDIO;
    }

    @Override
    public Class<ProsodyConfig> configType() {
        return ProsodyConfig.class;
    }

    @Override
    public ProsodyConfig defaultConfig() {
        return ProsodyConfig.defaults();
    }

    @Override
    public FeatureExtractor create(ProsodyConfig config) {
        return new ProsodyExtractor(config);
    }
}
