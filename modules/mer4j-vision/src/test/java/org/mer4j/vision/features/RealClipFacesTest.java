package org.mer4j.vision.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.VideoFrame;
import org.mer4j.vision.RealClip;
import org.mer4j.vision.pipeline.FaceModelLoader;
import org.mer4j.vision.pipeline.FacePipelineConfig;

/** The face features on the real RAVDESS clip (skipped when ../shared/data is absent). */
class RealClipFacesTest {
    private static final String CLIP = "av-clips/01-01-08-02-01-01-19.mp4";

    @Test
    void haarFallbackOnRealVideo() throws Exception {
        List<VideoFrame> frames = RealClip.frames(CLIP, 2, 40);
        FacePipelineConfig face = new FacePipelineConfig(null, 5, 320, 0.5, null, 112, false, 0.1, null, null, null, null, null, null, null);
        FeatureTrack t;
        try (FeatureExtractor ex = new FaceCropHogExtractor(new FaceCropHogConfig(face, 64, 16, 9), FaceModelLoader::haarOnly);
             ExtractionSession s = ex.open(FaceExtractorsTest.source("ravdess-haar"))) {
            for (VideoFrame f : frames) {
                s.onVideoFrame(f);
            }
            t = s.finish();
        }
        assertEquals(frames.size(), t.length());
        assertTrue(t.validFraction() >= 0.9, "face in " + t.validFraction() + " of the frames");
    }

    @Test
    void faceApiFeaturesOnRealVideo() throws Exception {
        FacePipelineConfig face = FacePipelineConfig.defaults();
        assumeTrue(FaceModelLoader.locate(face).isInstalled(), "face-api weights not installed (tools/mer4j models install): skipping");
        List<VideoFrame> frames = RealClip.frames(CLIP, 3, 12);
        List<FeatureExtractor> exs = List.of(new FaceGeometryProvider().create(new FaceGeometryConfig(face, true)),
                new FaceLandmarksProvider().create(new FaceLandmarksConfig(face)),
                new FaceExpressionProvider().create(new FaceExpressionConfig(face, true)),
                new FaceCropHogProvider().create(new FaceCropHogConfig(face, 64, 16, 9)));
        List<ExtractionSession> sessions = new ArrayList<>();
        for (FeatureExtractor e : exs) {
            sessions.add(e.open(FaceExtractorsTest.source("ravdess-api")));
        }
        long t0 = System.nanoTime();
        for (VideoFrame f : frames) {
            for (ExtractionSession s : sessions) {
                s.onVideoFrame(f);
            }
        }
        List<FeatureTrack> tracks = new ArrayList<>();
        for (ExtractionSession s : sessions) {
            tracks.add(s.finish());
            s.close();
        }
        System.out.printf("face-api features on RAVDESS: %.1f ms/frame for 4 extractors%n", (System.nanoTime() - t0) / 1e6 / frames.size());
        for (FeatureExtractor e : exs) {
            e.close();
        }
        // the four tracks share one pipeline, so they agree on which frames have a face (issue: >= 95%)
        for (FeatureTrack t : tracks) {
            assertEquals(frames.size(), t.length());
            assertTrue(t.validFraction() >= 0.95, t.name() + ": face in " + t.validFraction());
            assertTrue(java.util.Arrays.equals(tracks.get(0).mask(), t.mask()), t.name() + " mask differs from face-geometry's");
        }
        FeatureTrack geo = tracks.get(0);
        FeatureTrack expr = tracks.get(2);
        for (int i = 0; i < geo.length(); i++) {
            if (!geo.mask()[i]) {
                continue;
            }
            float[] g = geo.row(i);
            assertTrue(g[1] > 0.5 && g[1] < 1.5, "mouth width in inter-ocular units: " + g[1]);
            assertTrue(Math.abs(Math.toDegrees(g[9])) < 30, "RAVDESS actors face the camera: roll " + Math.toDegrees(g[9]));
            float sum = 0;
            for (int k = 0; k < 7; k++) {
                sum += expr.row(i)[k];
            }
            assertEquals(1f, sum, 1e-3, "expression probabilities sum to 1");
        }
        // the clip is "surprised" (RAVDESS emotion 08): in the top 2 of the clip-averaged probabilities
        double[] mean = new double[7];
        int n = 0;
        for (int i = 0; i < expr.length(); i++) {
            if (expr.mask()[i]) {
                for (int k = 0; k < 7; k++) {
                    mean[k] += expr.get(i, k);
                }
                n++;
            }
        }
        int surprised = org.mer4j.vision.face.ExpressionOutput.CLASSES.indexOf("surprised");
        int above = 0;
        for (int k = 0; k < 7; k++) {
            above += mean[k] > mean[surprised] ? 1 : 0;
        }
        System.out.printf("RAVDESS mean expression over %d frames: %s%n", n, java.util.Arrays.toString(mean));
        assertTrue(above <= 1, "surprised must be in the top 2 of " + java.util.Arrays.toString(mean));
    }
}
