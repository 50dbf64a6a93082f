package org.mer4j.audio;

import java.util.List;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.FeatureTrackBuilder;

/**
 * The configured {@code vad} extractor: per 10 ms hop the {@link VoiceActivityDetector} speech flag
 * and pause bookkeeping plus {@link SyllableNuclei} counts; columns {@link #COLUMNS}. All flags are
 * causal (decided from the hop and the past), so counts at the last hop are the clip's totals.
 */
public final class VadExtractor extends AudioExtractor<VadConfig> {
    /** Column names. */
    public static final List<String> COLUMNS = List.of("speech", "voiced", "levelDb", "pauseSoFarSec", "pausesSoFar",
            "syllablesSoFar");
    public static final int SPEECH = 0;
    public static final int VOICED = 1;
    public static final int LEVEL_DB = 2;
    public static final int PAUSE_SO_FAR = 3;
    public static final int PAUSES_SO_FAR = 4;
    public static final int SYLLABLES_SO_FAR = 5;

    public VadExtractor(VadConfig config) {
        super(VadExtractorProvider.NAME, config == null ? VadConfig.defaults() : config);
    }

    @Override
    public ExtractionSession open(ClipSource source) {
        return new VoiceSession(source, source.clip().id(), name(), config.voice()) {
            private final FeatureTrackBuilder track = new FeatureTrackBuilder(trackName, COLUMNS.size());
            private final VoiceActivityDetector vad = new VoiceActivityDetector(config.pauses(), config.voice().silenceDb(), VoiceConfig.HOP_SECONDS);
            private final SyllableNuclei nuclei = new SyllableNuclei(config.pauses());
            private final float[] row = new float[COLUMNS.size()];

            @Override
            public void onFrame(int step, float[] lld, boolean voiced, double levelDb, boolean signal) {
                vad.update(levelDb, voiced);
                nuclei.update(levelDb, voiced);
                row[SPEECH] = vad.speech() ? 1 : 0;
                row[VOICED] = voiced ? 1 : 0;
                row[LEVEL_DB] = (float) levelDb;
                row[PAUSE_SO_FAR] = (float) vad.currentGapSeconds();
                row[PAUSES_SO_FAR] = vad.pauses();
                row[SYLLABLES_SO_FAR] = nuclei.count();
                track.add(time(step), row, signal);
            }

            @Override
            FeatureTrack build() {
                return track.build();
            }
        };
    }
}
