package org.mer4j.audio;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.Modality;

/**
 * What every audio extractor here shares: a provider name, a typed config, the audio modality, and
 * the need for decoded audio. Subclasses open their sessions.
 *
 * @param <C> the config record
 */
abstract class AudioExtractor<C extends Record> implements FeatureExtractor {
    private final String name;
    /** The typed configuration (never null). */
    protected final C config;

    AudioExtractor(String name, C config) {
        this.name = name;
        this.config = config;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Modality modality() {
        return Modality.AUDIO;
    }

    @Override
    public C config() {
        return config;
    }

    @Override
    public final boolean needsAudio() {
        return true;
    }
}
