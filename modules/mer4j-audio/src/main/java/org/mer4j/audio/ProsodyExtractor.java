package org.mer4j.audio;

import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.Modality;

/** The configured {@code prosody} extractor: one {@link ProsodyAnalyzer} row per hop. */
public final class ProsodyExtractor implements FeatureExtractor {
    private final ProsodyConfig config;

    public ProsodyExtractor(ProsodyConfig config) {
        this.config = config == null ? ProsodyConfig.defaults() : config;
    }

    @Override
    public String name() {
        return ProsodyExtractorProvider.NAME;
    }

    @Override
    public Modality modality() {
        return Modality.AUDIO;
    }

    @Override
    public ProsodyConfig config() {
        return config;
    }

    @Override
    public boolean needsAudio() {
        return true;
    }

    @Override
    public ExtractionSession open(ClipSource source) {
        return new HopTrackSession(source.clip().id(), name(), config.hopSeconds(), config.windowSeconds(),
                rate -> new ProsodyAnalyzer(config, rate));
    }
}
