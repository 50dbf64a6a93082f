package org.mer4j.audio;

import org.mer4j.api.AudioChunk;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureTrack;

/**
 * An {@link ExtractionSession} that streams a clip's audio through a {@link VoiceAnalyzer} (built on
 * the first chunk for its sample rate; shared with the clip's other voice sessions through
 * {@link SharedVoiceAnalysis}) and lets subclasses consume the LLD hops; only features are kept.
 */
abstract class VoiceSession implements ExtractionSession, VoiceFrameListener {
    final String clipId;
    final String trackName;
    final VoiceConfig voice;
    private final SharedVoiceAnalysis shared;
    int sampleRate;
    double startTime = Double.NaN;

    VoiceSession(Object clipKey, String clipId, String trackName, VoiceConfig voice) {
        this.clipId = clipId;
        this.trackName = trackName;
        this.voice = voice;
        this.shared = SharedVoiceAnalysis.join(clipKey, voice, this);
    }

    @Override
    public void onAudio(AudioChunk chunk) throws ClipFailedException {
        if (Double.isNaN(startTime)) {
            sampleRate = chunk.sampleRate();
            startTime = chunk.time();
        } else if (chunk.sampleRate() != sampleRate) {
            throw new ClipFailedException(clipId, "audio-rate-changed", trackName + ": audio switched from " + sampleRate
                    + " Hz to " + chunk.sampleRate() + " Hz mid-clip; decode the clip at one fixed sample rate");
        }
        try {
            shared.feed(this, chunk.sampleRate(), chunk.samples());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ClipFailedException(clipId, "bad-audio", trackName + ": " + e.getMessage());
        }
    }

    @Override
    public FeatureTrack finish() throws ClipFailedException {
        if (Double.isNaN(startTime)) {
            throw new ClipFailedException(clipId, "no-audio", trackName + ": the decoder delivered no audio samples;"
                    + " check that the clip's audio file is not empty");
        }
        shared.finish();
        return build();
    }

    /** Time of hop {@code step}. */
    double time(int step) {
        return startTime + step * VoiceConfig.HOP_SECONDS;
    }

    /** Builds the track once every hop has been delivered. */
    abstract FeatureTrack build() throws ClipFailedException;
}
