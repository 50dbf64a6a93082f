package org.mer4j.audio;

import java.util.function.IntFunction;
import org.mer4j.api.FeatureTrackBuilder;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureTrack;

/**
 * An audio {@link ExtractionSession} that frames chunks as they arrive and runs a
 * {@link HopAnalyzer} per hop; only features are kept. The analyzer is built on the first chunk
 * for its sample rate, so window and hop are exact in samples at any decoder rate.
 */
final class HopTrackSession implements ExtractionSession {
    private final String clipId;
    private final String trackName;
    private final double hopSeconds;
    private final double windowSeconds;
    private final IntFunction<HopAnalyzer> analyzerForRate;
    private HopAnalyzer analyzer;
    private HopFramer framer;
    private FeatureTrackBuilder track;
    private float[] row;
    private int sampleRate;
    private int hopSamples;
    private double startTime;

    HopTrackSession(String clipId, String trackName, double hopSeconds, double windowSeconds, IntFunction<HopAnalyzer> analyzerForRate) {
        this.clipId = clipId;
        this.trackName = trackName;
        this.hopSeconds = hopSeconds;
        this.windowSeconds = windowSeconds;
        this.analyzerForRate = analyzerForRate;
    }

    @Override
    public void onAudio(AudioChunk chunk) throws ClipFailedException {
        if (framer == null) {
            sampleRate = chunk.sampleRate();
            hopSamples = Math.max(1, (int) Math.round(hopSeconds * sampleRate));
            int windowSamples = Math.max(hopSamples, (int) Math.round(windowSeconds * sampleRate));
            analyzer = analyzerForRate.apply(sampleRate);
            framer = new HopFramer(windowSamples, hopSamples);
            track = new FeatureTrackBuilder(trackName, analyzer.dim());
            row = new float[analyzer.dim()];
            startTime = chunk.time();
        } else if (chunk.sampleRate() != sampleRate) {
            throw new ClipFailedException(clipId, "audio-rate-changed", trackName + ": audio switched from " + sampleRate
                    + " Hz to " + chunk.sampleRate() + " Hz mid-clip; decode the clip at one fixed sample rate");
        }
        framer.add(chunk.samples(), this::analyzeStep);
    }

    private void analyzeStep(int step, float[] window) {
        boolean valid = analyzer.analyze(window, row);
        track.add(startTime + step * (double) hopSamples / sampleRate, row, valid);
    }

    @Override
    public FeatureTrack finish() throws ClipFailedException {
        if (framer == null || framer.totalSamples() == 0) {
            throw new ClipFailedException(clipId, "no-audio", trackName + ": the decoder delivered no audio samples;"
                    + " check that the clip's audio file is not empty");
        }
        framer.finish(this::analyzeStep);
        return track.build();
    }
}
