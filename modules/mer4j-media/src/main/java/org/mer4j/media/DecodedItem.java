package org.mer4j.media;

import org.mer4j.api.AudioChunk;
import org.mer4j.api.VideoFrame;

/** A decoded video frame or audio chunk, with its presentation time for merging two files. */
record DecodedItem(double time, VideoFrame frame, AudioChunk audio) {
    static DecodedItem of(VideoFrame f) {
        return new DecodedItem(f.time(), f, null);
    }

    static DecodedItem of(AudioChunk a) {
        return new DecodedItem(a.time(), null, a);
    }
}
