package org.mer4j.media;

import java.util.List;
import java.util.Locale;
import org.mer4j.api.ClipFailedException;

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
 * @param spans per decoded file, the declared and the decoded duration (see {@link #checkComplete})
 */
public record DecodeSummary(int framesDelivered, double audioSeconds, double sourceFps, int width, int height,
                            String videoCodec, String audioCodec, List<MediaSpan> spans) {
    public DecodeSummary {
        spans = spans == null ? List.of() : List.copyOf(spans);
    }

    /** A summary without duration facts. */
    public DecodeSummary(int framesDelivered, double audioSeconds, double sourceFps, int width, int height,
                         String videoCodec, String audioCodec) {
        this(framesDelivered, audioSeconds, sourceFps, width, height, videoCodec, audioCodec, List.of());
    }

    /**
     * Fails when a decoded file stopped well before the duration its container declares (a
     * truncated file): decoded / declared below {@code minRatio}. Files whose duration is unknown
     * pass.
     *
     * @param clipId the clip, for the exception
     * @param minRatio the smallest accepted decoded / declared ratio, in [0, 1]; 0 accepts everything
     * @param limitName the config key of {@code minRatio}, named in the message
     * @throws ClipFailedException reason {@value MediaFailures#TRUNCATED}, naming the file, both durations and the limit
     */
    public void checkComplete(String clipId, double minRatio, String limitName) throws ClipFailedException {
        for (MediaSpan s : spans) {
            double r = s.ratio();
            if (!Double.isNaN(r) && r < minRatio) {
                throw new ClipFailedException(clipId, MediaFailures.TRUNCATED, String.format(Locale.ROOT,
                        "%s declares %.2f s of %s but decoding stopped at %.2f s (%.0f%% of it, below %s = %.2f); the file is"
                                + " truncated or damaged: copy or download it again (or re-encode it, ffmpeg -i in out), or lower %s",
                        s.file(), s.declaredSeconds(), s.streams(), s.decodedSeconds(), 100 * r, limitName, minRatio, limitName));
            }
        }
    }
}
