package org.mer4j.api;

/**
 * One decoded video frame, packed BGR (3 bytes a pixel, stride {@code width * 3}).
 * The decoder reuses nothing it hands out: an extractor may keep the array.
 *
 * @param time presentation time in seconds
 * @param index index of this frame among the frames delivered for the clip
 * @param width width in pixels
 * @param height height in pixels
 * @param bgr pixel data
 */
public record VideoFrame(double time, int index, int width, int height, byte[] bgr) {
    public VideoFrame {
        if (bgr.length != width * height * 3) {
            throw new IllegalArgumentException("frame " + index + ": expected " + (width * height * 3) + " BGR bytes, got " + bgr.length);
        }
    }
}
