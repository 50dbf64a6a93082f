package org.mer4j.media;

import org.mer4j.api.AudioChunk;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.VideoFrame;

/** Receives what {@link MediaDecoder} decodes, in presentation order. */
public interface MediaSink {

    /** One delivered (subsampled, maybe downscaled) video frame. */
    void onVideoFrame(VideoFrame frame) throws ClipFailedException;

    /** One run of resampled mono audio. */
    void onAudio(AudioChunk chunk) throws ClipFailedException;
}
