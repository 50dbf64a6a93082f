package org.mer4j.media;

import java.nio.file.Path;
import org.mer4j.api.ClipFailedException;

/** Reasons and messages of the {@link ClipFailedException}s the media layer throws. */
public final class MediaFailures {
    /** Missing, truncated or corrupt file. */
    public static final String UNREADABLE = "unreadable-media";
    /** The file decodes to much less than the duration its container declares (cut short). */
    public static final String TRUNCATED = "truncated-media";
    /** Video frames were wanted but the file has no video stream. */
    public static final String NO_VIDEO = "no-video-stream";
    /** Audio was wanted but the file has no audio stream. */
    public static final String NO_AUDIO = "no-audio-stream";

    private MediaFailures() {
    }

    static ClipFailedException unreadable(String clipId, Path file, Throwable cause) {
        return new ClipFailedException(clipId, UNREADABLE, "cannot decode " + file + ": FFmpeg said '" + cause.getMessage()
                + "'; check that the file is a complete audio/video file (play it, or re-encode it with ffmpeg -i in.mp4 out.mp4)", cause);
    }

    static ClipFailedException unreadable(String clipId, Path file, String what) {
        return new ClipFailedException(clipId, UNREADABLE, "cannot decode " + file + ": " + what
                + "; check that the file is a complete audio/video file (play it, or re-encode it with ffmpeg -i in.mp4 out.mp4)");
    }
}
