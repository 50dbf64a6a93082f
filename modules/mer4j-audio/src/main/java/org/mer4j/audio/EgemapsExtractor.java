package org.mer4j.audio;

import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.FeatureTrackBuilder;

/**
 * The configured {@code egemaps} extractor: the 88 eGeMAPSv02 functionals ({@link EgemapsFunctionals})
 * per clip or per segment, optionally followed by pause and rate statistics ({@link PauseStats}).
 * Per-hop LLDs are kept compactly until their segment (or the clip) ends.
 */
public final class EgemapsExtractor extends AudioExtractor<EgemapsConfig> {

    public EgemapsExtractor(EgemapsConfig config) {
        super(EgemapsExtractorProvider.NAME, config == null ? EgemapsConfig.defaults() : config);
    }

    /** Column names of this configuration. */
    public List<String> columnNames() {
        List<String> n = new ArrayList<>(EgemapsFunctionals.NAMES);
        if (config.pauseColumns()) {
            n.addAll(PauseStats.NAMES);
        }
        return n;
    }

    @Override
    public ExtractionSession open(ClipSource source) {
        return new Session(source);
    }

    private final class Session extends VoiceSession {
        private final LldBuffer buffer = new LldBuffer();
        private final FeatureTrackBuilder track = new FeatureTrackBuilder(name(), config.dim());
        private final VoiceActivityDetector vad = new VoiceActivityDetector(config.pauses(), config.voice().silenceDb(), VoiceConfig.HOP_SECONDS);
        private final SyllableNuclei nuclei = new SyllableNuclei(config.pauses());
        private final int segmentHops = config.segmentSeconds() > 0
                ? Math.max(1, (int) Math.round(config.segmentSeconds() / VoiceConfig.HOP_SECONDS)) : Integer.MAX_VALUE;
        private final double[] values = new double[config.dim()];
        private final float[] row = new float[config.dim()];
        private int segmentStart;
        private boolean segmentSignal;

        Session(ClipSource source) {
            super(source, source.clip().id(), EgemapsExtractorProvider.NAME, config.voice());
        }

        @Override
        public void onFrame(int step, float[] lld, boolean voiced, double levelDb, boolean signal) {
            boolean evidence = vad.update(levelDb, voiced);
            boolean nucleus = nuclei.update(levelDb, voiced);
            buffer.add(lld, voiced, levelDb, evidence, nucleus);
            segmentSignal |= signal;
            if (buffer.rows() >= segmentHops) {
                emit();
            }
        }

        private void emit() {
            int n = buffer.rows();
            if (n == 0) {
                return;
            }
            EgemapsFunctionals.compute(buffer, 0, n, VoiceConfig.HOP_SECONDS, values, 0);
            if (config.pauseColumns()) {
                double[] p = PauseStats.fromBuffer(buffer, 0, n, VoiceConfig.HOP_SECONDS, config.pauses().minPauseSeconds()).toArray();
                System.arraycopy(p, 0, values, EgemapsFunctionals.COUNT, p.length);
            }
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                row[i] = Double.isFinite(v) ? (float) v : 0f;
            }
            double t = config.segmentSeconds() > 0 ? time(segmentStart) : 0.0;
            track.add(t, row, segmentSignal);
            segmentStart += n;
            segmentSignal = false;
            buffer.clear();
        }

        @Override
        FeatureTrack build() {
            emit();
            return track.build();
        }
    }
}
