package org.mer4j.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.VideoFrame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaceHogExtractorTest {

    static ClipSource source(String id) {
        return new ClipSource(new Clip(id, "s", null, null, null, null, null), null, null, null);
    }

    @Test
    void defaultDimensionIsHogPlusGeometry() {
        FaceHogConfig cfg = FaceHogConfig.defaults();
        assertEquals(324, cfg.hogDim());
        assertEquals(328, cfg.dim());
        assertEquals(1764, new FaceHogConfig(null, 1, 0, 0.1, 64, 8, 9, 1).hogDim());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FaceHogConfig(null, 1, 0, 0.1, 64, 12, 9, 1));
        assertTrue(e.getMessage().contains("face-hog.cellSize"), e.getMessage());
    }

    @Test
    void hogSeparatesVerticalFromHorizontalStripes() {
        FaceHogConfig cfg = FaceHogConfig.defaults();
        float[] vertical = new float[cfg.dim()];
        float[] horizontal = new float[cfg.dim()];
        FaceBox box = new FaceBox(16, 16, 96, 96);
        try (FaceHogDescriptor d = new FaceHogDescriptor(cfg);
             Mat v = BgrMats.toMat(stripes(128, true));
             Mat h = BgrMats.toMat(stripes(128, false))) {
            d.describe(v, box, vertical);
            d.describe(h, box, horizontal);
        }
        double dist = 0;
        double norm = 0;
        for (int i = 0; i < cfg.hogDim(); i++) {
            dist += Math.abs(vertical[i] - horizontal[i]);
            norm += Math.abs(vertical[i]);
            assertTrue(vertical[i] >= 0 && Float.isFinite(vertical[i]));
        }
        assertTrue(norm > 1, "HOG of stripes is not empty");
        assertTrue(dist > 0.5 * norm, "orientation must change the HOG: dist " + dist + " norm " + norm);
        assertEquals(0.5f, vertical[cfg.hogDim()], 1e-6, "centre x relative");
        assertEquals(0.75f, vertical[cfg.hogDim() + 2], 1e-6, "width relative");
    }

    static VideoFrame stripes(int size, boolean vertical) {
        byte[] bgr = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int c = ((vertical ? x : y) / 4) % 2 == 0 ? 30 : 220;
                Arrays.fill(bgr, (y * size + x) * 3, (y * size + x) * 3 + 3, (byte) c);
            }
        }
        return new VideoFrame(0, 0, size, size, bgr);
    }

    @Test
    void blankVideoFailsWithNoFace() throws Exception {
        byte[] gray = new byte[96 * 96 * 3];
        Arrays.fill(gray, (byte) 90);
        try (FaceHogExtractor ex = new FaceHogExtractor(FaceHogConfig.defaults());
             ExtractionSession s = ex.open(source("blank"))) {
            for (int i = 0; i < 3; i++) {
                s.onVideoFrame(new VideoFrame(i * 0.1, i, 96, 96, gray));
            }
            ClipFailedException e = assertThrows(ClipFailedException.class, s::finish);
            assertEquals("no-face", e.reason());
            assertTrue(e.getMessage().contains("lighting") || e.getMessage().contains("light"), e.getMessage());
        }
    }

    @Test
    void providerIsRegistered() {
        List<String> names = new ArrayList<>();
        for (FeatureExtractorProvider<?> p : ServiceLoader.load(FeatureExtractorProvider.class)) {
            names.add(p.name());
        }
        assertTrue(names.contains("face-hog"), names.toString());
    }

    @Test
    void realClipTrackHasConsistentDimsAndMask() throws Exception {
        List<VideoFrame> frames = TestFrames.decode(SharedData.require("av-clips/01-01-08-02-01-01-19.mp4"), 3, 40);
        FaceHogConfig cfg = new FaceHogConfig(null, 2, 0.5, 0.1, 64, 16, 9, 1.5);
        FeatureTrack t;
        long t0 = System.nanoTime();
        try (FaceHogExtractor ex = new FaceHogExtractor(cfg); ExtractionSession s = ex.open(source("ravdess"))) {
            for (VideoFrame f : frames) {
                s.onVideoFrame(f);
            }
            t = s.finish();
        }
        double msPerFrame = (System.nanoTime() - t0) / 1e6 / frames.size();
        System.out.printf("face-hog on RAVDESS 720x720: %d frames, valid %.2f, %.1f ms/frame%n", t.length(), t.validFraction(), msPerFrame);
        assertEquals(frames.size(), t.length());
        assertEquals(328, t.dim());
        assertTrue(t.validFraction() >= 0.9, "valid fraction " + t.validFraction());
        for (int i = 0; i < t.length(); i++) {
            float[] row = t.row(i);
            if (!t.mask()[i]) {
                for (float v : row) {
                    assertEquals(0f, v, "masked rows are zero");
                }
                continue;
            }
            for (int g = cfg.hogDim(); g < cfg.dim(); g++) {
                assertTrue(row[g] > 0 && row[g] <= 1, "geometry in (0,1]: " + row[g]);
            }
            assertEquals(frames.get(i).time(), t.times()[i], 1e-9);
        }
    }

    @Test
    void sizeTrackingFindsTheSameFaceWithoutScanningEverySize() throws Exception {
        List<VideoFrame> frames = TestFrames.decode(SharedData.require("av-clips/01-01-08-02-01-01-19.mp4"), 3, 40);
        FaceHogConfig full = new FaceHogConfig(null, 1, 0.5, 0.1, 64, 16, 9, 1);
        FaceHogConfig tracked = new FaceHogConfig(null, 1, 0.5, 0.1, 64, 16, 9, 1.5);
        FeatureTrack a;
        FeatureTrack b;
        int scansFull;
        int scansTracked;
        try (FaceHogExtractor ex = new FaceHogExtractor(full); ExtractionSession s = ex.open(source("full"))) {
            for (VideoFrame f : frames) {
                s.onVideoFrame(f);
            }
            a = s.finish();
            scansFull = ((FaceHogSession) s).fullScans();
        }
        try (FaceHogExtractor ex = new FaceHogExtractor(tracked); ExtractionSession s = ex.open(source("tracked"))) {
            for (VideoFrame f : frames) {
                s.onVideoFrame(f);
            }
            b = s.finish();
            scansTracked = ((FaceHogSession) s).fullScans();
        }
        assertEquals(frames.size(), scansFull, "trackSizeRatio 1 scans every size on every frame");
        assertTrue(scansTracked <= 3, "a tracked face is searched near its size: " + scansTracked + " full scans of " + frames.size());
        assertTrue(Arrays.equals(a.mask(), b.mask()), "the same frames have a face");
        FaceHogConfig cfg = FaceHogConfig.defaults();
        for (int i = 0; i < a.length(); i++) {
            for (int g = cfg.hogDim(); g < cfg.dim(); g++) {
                assertEquals(a.row(i)[g], b.row(i)[g], 0.03, "frame " + i + " box geometry " + (g - cfg.hogDim()));
            }
        }
    }
}
