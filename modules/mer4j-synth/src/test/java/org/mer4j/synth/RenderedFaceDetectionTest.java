package org.mer4j.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.api.VideoFrame;
import org.mer4j.vision.FaceBox;
import org.mer4j.vision.HaarFaceConfig;
import org.mer4j.vision.HaarFaceDetector;

/**
 * End to end: generated clips at the quickstart resolution, decoded from their MP4s, show a face
 * that {@link HaarFaceDetector} (alt2 cascade, default settings) finds in at least 95% of frames,
 * about half the frame high.
 */
class RenderedFaceDetectionTest {

    @Test
    void haarDetectorFindsTheFaceInDecodedFrames(@TempDir Path dir) throws Exception {
        SynthConfig cfg = new SynthConfig(11, 2, 1, 4.0, 320, 240, 15, 16000, 400_000, 2, LabelDesignConfig.defaults());
        Manifest m = CorpusGenerator.generate(cfg, dir);
        int frames = 0;
        int found = 0;
        List<Double> heights = new ArrayList<>();
        try (HaarFaceDetector detector = new HaarFaceDetector(HaarFaceConfig.defaults())) {
            for (Clip c : m.clips()) {
                try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(m.resolve(c.video()).toFile())) {
                    g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
                    g.start();
                    Frame f;
                    while ((f = g.grabImage()) != null) {
                        Optional<FaceBox> box = detector.detect(toVideoFrame(f, frames));
                        frames++;
                        if (box.isPresent()) {
                            found++;
                            heights.add(box.get().height() / (double) cfg.height());
                        }
                    }
                    g.stop();
                }
            }
        }
        double rate = found / (double) frames;
        Collections.sort(heights);
        double medianHeight = heights.isEmpty() ? 0 : heights.get(heights.size() / 2);
        System.out.printf("decoded-frame face detection (HaarFaceDetector): %d/%d = %.3f, median box height %.2f of frame%n",
                found, frames, rate, medianHeight);
        assertTrue(frames >= 2 * cfg.framesPerClip() - 2, "decoded " + frames + " frames");
        assertTrue(rate >= 0.95, "face found in only " + found + "/" + frames + " decoded frames");
        assertTrue(medianHeight > 0.3 && medianHeight < 0.8, "median face box height " + medianHeight + " of the frame");
    }

    private static VideoFrame toVideoFrame(Frame f, int index) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        ByteBuffer buf = (ByteBuffer) f.image[0];
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            buf.get(y * f.imageStride, bgr, y * w * 3, w * 3);
        }
        return new VideoFrame(index / 15.0, index, w, h, bgr);
    }
}
