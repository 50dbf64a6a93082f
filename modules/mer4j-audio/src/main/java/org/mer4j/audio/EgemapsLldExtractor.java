package org.mer4j.audio;

import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.FeatureTrackBuilder;
import org.mer4j.api.Modality;

/** The configured {@code egemaps-lld} extractor: 25 eGeMAPSv02 LLDs per 10 ms hop ({@link EgemapsLld} order). */
public final class EgemapsLldExtractor implements FeatureExtractor {
    private final VoiceConfig config;

    public EgemapsLldExtractor(VoiceConfig config) {
        this.config = config == null ? VoiceConfig.defaults() : config;
    }

    @Override
    public String name() {
        return EgemapsLldExtractorProvider.NAME;
    }

    @Override
    public Modality modality() {
        return Modality.AUDIO;
    }

    @Override
    public VoiceConfig config() {
        return config;
    }

    @Override
    public boolean needsAudio() {
        return true;
    }

    @Override
    public ExtractionSession open(ClipSource source) {
        return new VoiceSession(source, source.clip().id(), name(), config) {
            private final FeatureTrackBuilder track = new FeatureTrackBuilder(trackName, EgemapsLld.DIM);

            @Override
            public void onFrame(int step, float[] lld, boolean voiced, double levelDb, boolean signal) {
                track.add(time(step), lld, signal);
            }

            @Override
            FeatureTrack build() {
                return track.build();
            }
        };
    }
}
