package org.mer4j.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** Reads a media file's header (no decoding) to report duration and streams. */
public final class MediaProbe {
    private MediaProbe() {
    }

    /**
     * @throws IOException naming the file and what FFmpeg said when it is missing or unreadable
     */
    public static MediaInfo probe(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("media file " + file + " does not exist or is not a regular file (a directory, pipe or device"
                    + " is not opened); check the path");
        }
        FfmpegLogs.silence();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            boolean v = g.hasVideo();
            boolean a = g.hasAudio();
            return new MediaInfo(file, Math.max(0, g.getLengthInTime()) / 1e6, v, a,
                    v ? g.getImageWidth() : 0, v ? g.getImageHeight() : 0, v ? g.getVideoFrameRate() : 0,
                    a ? g.getSampleRate() : 0, a ? g.getAudioChannels() : 0,
                    v && g.getVideoCodecName() != null ? g.getVideoCodecName() : "",
                    a && g.getAudioCodecName() != null ? g.getAudioCodecName() : "");
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot read media file " + file + ": FFmpeg said '" + e.getMessage()
                    + "'; check that it is a complete audio/video file", e);
        }
    }
}
