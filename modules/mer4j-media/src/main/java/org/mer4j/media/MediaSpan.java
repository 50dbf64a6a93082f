package org.mer4j.media;

import java.nio.file.Path;

/**
 * How long one decoded file claims to be and how much of it actually decoded. A file cut short
 * (an interrupted copy or download) often keeps its header, so FFmpeg opens it, reports the full
 * duration and then simply runs out of frames; comparing the two is how such a file is caught
 * instead of its missing part being silently masked.
 *
 * @param file the media file
 * @param streams which of its streams were decoded ({@code video}, {@code audio} or {@code video+audio})
 * @param declaredSeconds duration the container declares for those streams (the longest), 0 when unknown
 * @param decodedSeconds time up to which they actually decoded (end of the last frame or sample)
 */
public record MediaSpan(Path file, String streams, double declaredSeconds, double decodedSeconds) {

    /** decoded / declared, or NaN when the declared duration is unknown. */
    public double ratio() {
        return declaredSeconds > 0 ? decodedSeconds / declaredSeconds : Double.NaN;
    }
}
