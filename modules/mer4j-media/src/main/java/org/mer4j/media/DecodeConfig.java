package org.mer4j.media;

/**
 * What {@link MediaDecoder} delivers.
 *
 * @param videoFps video frames per second handed out (subsampled by timestamp), in (0, 240] (default 10)
 * @param sampleRate audio sample rate after resampling, in [8000, 192000] (default 16000)
 * @param maxVideoWidth frames wider than this are downscaled preserving aspect, in [16, 8192] (default 640)
 */
public record DecodeConfig(double videoFps, int sampleRate, int maxVideoWidth) {
    public DecodeConfig {
        if (!(videoFps > 0) || videoFps > 240) {
            throw new IllegalArgumentException("decode.videoFps must be in (0, 240], got " + videoFps + "; 10 suits facial features");
        }
        if (sampleRate < 8000 || sampleRate > 192000) {
            throw new IllegalArgumentException("decode.sampleRate must be in [8000, 192000] Hz, got " + sampleRate + "; use 16000 for speech");
        }
        if (maxVideoWidth < 16 || maxVideoWidth > 8192) {
            throw new IllegalArgumentException("decode.maxVideoWidth must be in [16, 8192] pixels, got " + maxVideoWidth + "; 640 is a good default");
        }
    }

    /** 10 fps, 16 kHz, at most 640 pixels wide. */
    public static DecodeConfig defaults() {
        return new DecodeConfig(10, 16000, 640);
    }
}
