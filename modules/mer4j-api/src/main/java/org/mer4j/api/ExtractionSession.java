package org.mer4j.api;

/**
 * The per-clip state of a {@link FeatureExtractor}. The media decoder makes one pass over the clip
 * and feeds every open session: video frames (at the configured rate) and audio chunks (16 kHz
 * mono unless configured otherwise), in presentation order. {@link #finish()} returns the track.
 * Sessions must not hold all frames: keep only the features.
 */
public interface ExtractionSession extends AutoCloseable {

    /** Called for each delivered video frame. */
    default void onVideoFrame(VideoFrame frame) throws ClipFailedException {
    }

    /** Called for each decoded audio chunk. */
    default void onAudio(AudioChunk chunk) throws ClipFailedException {
    }

    /**
     * Called once all media has been delivered.
     *
     * @return the clip's track
     * @throws ClipFailedException when the clip cannot give this feature (e.g. no face in any frame)
     */
    FeatureTrack finish() throws ClipFailedException;

    @Override
    default void close() {
    }
}
