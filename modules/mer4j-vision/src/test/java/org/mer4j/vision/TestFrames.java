package org.mer4j.vision;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.mer4j.api.VideoFrame;

/** Decodes a few frames of a real video straight through FFmpeg (no mer4j-media dependency). */
final class TestFrames {
    private TestFrames() {
    }

    static List<VideoFrame> decode(Path video, int every, int max) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        List<VideoFrame> out = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            g.start();
            int n = 0;
            Frame f;
            while ((f = g.grabImage()) != null && out.size() < max) {
                if (n++ % every != 0) {
                    continue;
                }
                int w = f.imageWidth;
                int h = f.imageHeight;
                ByteBuffer buf = (ByteBuffer) f.image[0];
                byte[] bgr = new byte[w * h * 3];
                for (int y = 0; y < h; y++) {
                    buf.position(y * f.imageStride);
                    buf.get(bgr, y * w * 3, w * 3);
                }
                out.add(new VideoFrame(f.timestamp / 1e6, out.size(), w, h, bgr));
            }
            g.stop();
        }
        return out;
    }
}
