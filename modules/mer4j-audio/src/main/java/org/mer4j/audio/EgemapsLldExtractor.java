package org.mer4j.audio;

import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.FeatureTrackBuilder;

/** The configured {@code egemaps-lld} extractor: 25 eGeMAPSv02 LLDs per 10 ms hop ({@link EgemapsLld} order). */
public final class EgemapsLldExtractor extends AudioExtractor<VoiceConfig> {

    public EgemapsLldExtractor(VoiceConfig config) {
        super(EgemapsLldExtractorProvider.NAME, config == null ? VoiceConfig.defaults() : config);
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
