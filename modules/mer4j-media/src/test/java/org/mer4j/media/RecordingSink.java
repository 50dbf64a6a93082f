package org.mer4j.media;

import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.VideoFrame;

/** Keeps what the decoder delivers, and the time of every item in arrival order. */
final class RecordingSink implements MediaSink {
    final List<VideoFrame> frames = new ArrayList<>();
    final List<AudioChunk> chunks = new ArrayList<>();
    final List<Double> arrivalTimes = new ArrayList<>();
    long samples;

    @Override
    public void onVideoFrame(VideoFrame frame) {
        frames.add(frame);
        arrivalTimes.add(frame.time());
    }

    @Override
    public void onAudio(AudioChunk chunk) {
        chunks.add(chunk);
        arrivalTimes.add(chunk.time());
        samples += chunk.samples().length;
    }
}
