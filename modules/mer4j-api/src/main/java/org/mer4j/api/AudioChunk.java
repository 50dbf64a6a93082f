package org.mer4j.api;

/**
 * A run of decoded mono audio samples in [-1, 1].
 *
 * @param time time of the first sample in seconds
 * @param sampleRate samples per second
 * @param samples the samples
 */
public record AudioChunk(double time, int sampleRate, float[] samples) {
}
