package org.mer4j.media;

import java.nio.file.Path;

/**
 * Stream facts of one media file, from {@link MediaProbe}.
 *
 * @param file the file
 * @param durationSeconds container duration in seconds (0 when unknown)
 * @param hasVideo whether a video stream exists
 * @param hasAudio whether an audio stream exists
 * @param width video width (0 without video)
 * @param height video height (0 without video)
 * @param frameRate video frame rate (0 without video)
 * @param sampleRate native audio sample rate (0 without audio)
 * @param audioChannels native audio channels (0 without audio)
 * @param videoCodec FFmpeg video codec name, "" without video
 * @param audioCodec FFmpeg audio codec name, "" without audio
 */
public record MediaInfo(Path file, double durationSeconds, boolean hasVideo, boolean hasAudio, int width, int height,
                        double frameRate, int sampleRate, int audioChannels, String videoCodec, String audioCodec) {
}
