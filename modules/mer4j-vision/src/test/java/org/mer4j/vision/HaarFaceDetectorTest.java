package org.mer4j.vision;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mer4j.api.VideoFrame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HaarFaceDetectorTest {

    @Test
    void blankFrameHasNoFace() {
        byte[] gray = new byte[160 * 120 * 3];
        Arrays.fill(gray, (byte) 128);
        try (HaarFaceDetector d = new HaarFaceDetector(HaarFaceConfig.defaults())) {
            assertTrue(d.detect(new VideoFrame(0, 0, 160, 120, gray)).isEmpty());
        }
    }

    @Test
    void findsTheFaceInMostFramesOfTheRealClip() throws Exception {
        List<VideoFrame> frames = TestFrames.decode(SharedData.require("av-clips/01-01-08-02-01-01-19.mp4"), 6, 30);
        assertTrue(frames.size() >= 15, "decoded only " + frames.size() + " frames");
        int found = 0;
        try (HaarFaceDetector d = new HaarFaceDetector(HaarFaceConfig.defaults())) {
            for (VideoFrame f : frames) {
                Optional<FaceBox> box = d.detect(f);
                if (box.isPresent()) {
                    found++;
                    FaceBox b = box.get();
                    assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.width() <= f.width() && b.y() + b.height() <= f.height(),
                            "box outside frame: " + b);
                    assertTrue(b.height() >= 0.2 * f.height(), "box smaller than minSizeFraction: " + b);
                }
            }
        }
        double rate = found / (double) frames.size();
        assertTrue(rate >= 0.9, "face found in only " + found + " of " + frames.size() + " frames");
    }

    @Test
    void configRejectsBadValuesNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HaarFaceConfig(null, 1.0, 3, 0.2));
        assertTrue(e.getMessage().contains("haar.scaleFactor"), e.getMessage());
        assertEquals(HaarFaceConfig.DEFAULT_CASCADE, new HaarFaceConfig(null, 1.1, 3, 0.2).cascade());
        assertThrows(IllegalArgumentException.class, () -> new HaarFaceConfig("../evil.xml", 1.1, 3, 0.2));
        assertThrows(IllegalStateException.class, () -> new HaarFaceDetector(new HaarFaceConfig("haarcascade_nothing.xml", 1.1, 3, 0.2)));
    }
}
