package org.mer4j.media;

import org.bytedeco.ffmpeg.global.avutil;

/** Keeps FFmpeg's own console logging quiet; failures reach callers as exceptions instead. */
final class FfmpegLogs {
    private static volatile boolean silenced;

    private FfmpegLogs() {
    }

    static void silence() {
        if (!silenced) {
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
            silenced = true;
        }
    }
}
