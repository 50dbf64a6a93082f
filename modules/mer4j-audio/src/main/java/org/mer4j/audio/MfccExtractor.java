package org.mer4j.audio;

import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.Modality;

/** The configured {@code mfcc} extractor: one {@link MelCepstrum} row per hop. */
public final class MfccExtractor implements FeatureExtractor {
    private final MfccConfig config;

    public MfccExtractor(MfccConfig config) {
        this.config = config == null ? MfccConfig.defaults() : config;
    }

    @Override
    public String name() {
        return MfccExtractorProvider.NAME;
    }

    @Override
    public Modality modality() {
        return Modality.AUDIO;
    }

    @Override
    public MfccConfig config() {
        return config;
    }

    @Override
    public boolean needsAudio() {
        return true;
    }

    @Override
    public ExtractionSession open(ClipSource source) {
        return new HopTrackSession(source.clip().id(), name(), config.hopSeconds(), config.windowSeconds(),
                rate -> new MelCepstrum(config, rate));
    }
}
