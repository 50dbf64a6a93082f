package org.mer4j.media;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/** The FFmpeg build in use, for provenance records. */
public final class FfmpegVersion {
    private FfmpegVersion() {
    }

    /** e.g. {@code "FFmpeg 7.1.1 (avformat 61.7.100, avcodec 61.19.101, avutil 59.39.100)"}. */
    public static String describe() {
        return "FFmpeg " + avutil.av_version_info().getString()
                + " (avformat " + dotted(avformat.avformat_version())
                + ", avcodec " + dotted(avcodec.avcodec_version())
                + ", avutil " + dotted(avutil.avutil_version()) + ")";
    }

    /** The bare FFmpeg release string, e.g. {@code "7.1.1"}. */
    public static String release() {
        return avutil.av_version_info().getString();
    }

    private static String dotted(int v) {
        return (v >>> 16) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
    }
}
