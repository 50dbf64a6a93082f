package org.mer4j.media;

/**
 * What one {@link MediaDecoder#decode} pass produced.
 *
 * @param framesDelivered video frames handed to the sink
 * @param audioSeconds seconds of audio handed to the sink (samples / sample rate)
 * @param sourceFps frame rate of the source video stream (0 when no video was decoded)
 * @param width width of the delivered frames (0 when no video)
 * @param height height of the delivered frames (0 when no video)
 * @param videoCodec FFmpeg name of the video codec, or "" when no video was decoded
 * @param audioCodec FFmpeg name of the audio codec, or "" when no audio was decoded
 */
public record DecodeSummary(int framesDelivered, double audioSeconds, double sourceFps, int width, int height,
                            String videoCodec, String audioCodec) {
}
