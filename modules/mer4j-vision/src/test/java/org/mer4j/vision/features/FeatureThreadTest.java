package org.mer4j.vision.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.RecordSettings;
import org.mer4j.api.VideoFrame;
import org.mer4j.vision.RealClip;
import org.mer4j.vision.face.ExpressionModel;
import org.mer4j.vision.face.ExpressionOutput;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.RgbImage;
import org.mer4j.vision.pipeline.FaceModelLoader;
import org.mer4j.vision.pipeline.FaceModels;
import org.mer4j.vision.pipeline.FacePipelineConfig;
import org.mer4j.vision.pipeline.GenericFaceModel;
import org.mer4j.vision.pipeline.Scenes;

/**
 * {@code face.featureThread}: the four face features computed on the clip's second thread give
 * exactly the rows of the one-thread pipeline (a reused observation would hand a task a later
 * frame's face), the work really runs on that thread, and a failure there fails the clip clearly.
 */
class FeatureThreadTest {
    /** An expression output that depends on the crop's pixels, recording the threads it ran on. */
    static final class PixelExpression implements ExpressionModel {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        int failAt = -1;
        int calls;

        @Override
        public ExpressionOutput classify(RgbImage crop) {
            threads.add(Thread.currentThread().getName());
            if (calls++ == failAt) {
                throw new IllegalStateException("scripted expression failure");
            }
            byte[] px = crop.rgb();
            float[] p = new float[7];
            for (int i = 0; i < px.length; i += 97) {
                p[i % 7] += (px[i] & 0xff) / 255f;
            }
            return new ExpressionOutput(p, new float[256]);
        }
    }

    private static List<VideoFrame> movingFace(int n) {
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frames.add(i == 17 ? Scenes.uniform(i, 640, 480, 90) : Scenes.texturedFace(i, 640, 480, 220 + 6 * i, 200 + 3 * i, 80, 5));
        }
        return frames;
    }

    private static List<FeatureTrack> run(boolean featureThread, List<VideoFrame> frames, PixelExpression expr) throws Exception {
        Scenes.ScriptedDetector det = new Scenes.ScriptedDetector(640);
        Scenes.SyntheticLandmarkModel lm = new Scenes.SyntheticLandmarkModel();
        Function<FacePipelineConfig, FaceModels> fake = c -> new FaceModels("fake", det, lm, expr);
        FacePipelineConfig fc = FacePipelineConfig.defaults().withDetectEvery(4).withNets("onnxruntime", 2, 3).withFeatureThread(featureThread);
        List<FeatureExtractor> exs = List.of(
                new FaceGeometryExtractor(new FaceGeometryConfig(fc, true), fake),
                new FaceLandmarksExtractor(new FaceLandmarksConfig(fc), fake),
                new FaceExpressionExtractor(new FaceExpressionConfig(fc, false), fake),
                new FaceCropHogExtractor(new FaceCropHogConfig(fc, 64, 16, 9), fake));
        List<ExtractionSession> sessions = new ArrayList<>();
        try {
            for (FeatureExtractor e : exs) {
                sessions.add(e.open(FaceExtractorsTest.source("moving")));
            }
            for (VideoFrame f : frames) {
                int i = f.index();
                lm.expression = new GenericFaceModel.Expression(i % 9, 0, 0, 0, 0);
                double cx = 220 + 6 * i;
                double cy = 200 + 3 * i;
                det.next = i == 17 ? List.of() : List.of(new FaceDetection(cx - 80, cy - 80, 160, 160, 0.9));
                for (ExtractionSession s : sessions) {
                    s.onVideoFrame(f);
                }
            }
            List<FeatureTrack> tracks = new ArrayList<>();
            for (ExtractionSession s : sessions) {
                tracks.add(s.finish());
            }
            return tracks;
        } finally {
            for (ExtractionSession s : sessions) {
                s.close();
            }
            for (FeatureExtractor e : exs) {
                e.close();
            }
        }
    }

    @Test
    void featuresOnASecondThreadGiveTheSameRows() throws Exception {
        List<VideoFrame> frames = movingFace(40);
        PixelExpression one = new PixelExpression();
        PixelExpression two = new PixelExpression();
        List<FeatureTrack> a = run(false, frames, one);
        List<FeatureTrack> b = run(true, frames, two);
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            FeatureTrack x = a.get(k);
            FeatureTrack y = b.get(k);
            assertEquals(x.name(), y.name());
            assertEquals(40, y.length(), y.name());
            assertArrayEquals(x.times(), y.times(), y.name());
            assertArrayEquals(x.mask(), y.mask(), y.name());
            assertArrayEquals(x.values(), y.values(), y.name() + ": rows computed on the feature thread");
            assertFalse(y.mask()[17], y.name() + ": the blank frame has no face");
        }
        assertEquals(one.calls, two.calls, "the expression net runs on the same frames");
        assertTrue(one.threads.stream().noneMatch(t -> t.startsWith("mer4j-face-features-")), one.threads.toString());
        assertEquals(Set.of("mer4j-face-features-moving"), two.threads, "the expression net ran on the clip's feature thread");
    }

    @Test
    void aFailureOnTheFeatureThreadFailsTheClipWithTheCause() {
        PixelExpression expr = new PixelExpression();
        expr.failAt = 5;
        ClipFailedException e = assertThrows(ClipFailedException.class, () -> run(true, movingFace(30), expr));
        assertEquals("face-pipeline-error", e.reason());
        assertTrue(e.getMessage().contains("feature thread") && e.getMessage().contains("scripted expression failure"), e.getMessage());
    }

    @Test
    void theSettingIsReadFromYamlButIsNotPartOfTheFeatureKey() throws Exception {
        ObjectMapper json = new ObjectMapper();
        FaceExpressionConfig on = RecordSettings.map(FaceExpressionConfig.class, FaceExpressionConfig.defaults(),
                json.readTree("{\"face\": {\"featureThread\": true}}"), "features.face-expression");
        assertTrue(on.face().featureThread());
        assertFalse(FacePipelineConfig.defaults().featureThread(), "off by default");
        assertEquals(json.writeValueAsString(FaceExpressionConfig.defaults()), json.writeValueAsString(on),
                "the canonical config (the feature-store key) does not change with the thread setting");
    }

    @Test
    void faceApiFeaturesOnTheRealClipAreIdenticalOnASecondThread() throws Exception {
        FacePipelineConfig face = FacePipelineConfig.defaults();
        assumeTrue(FaceModelLoader.locate(face).isInstalled(), "face-api weights not installed (tools/mer4j models install): skipping");
        List<VideoFrame> frames = RealClip.frames("av-clips/01-01-08-02-01-01-19.mp4", 2, 30);
        List<FeatureTrack> a = runInstalled(face, frames);
        List<FeatureTrack> b = runInstalled(face.withFeatureThread(true), frames);
        for (int k = 0; k < a.size(); k++) {
            assertNotNull(b.get(k));
            assertArrayEquals(a.get(k).mask(), b.get(k).mask(), a.get(k).name());
            assertArrayEquals(a.get(k).values(), b.get(k).values(), a.get(k).name());
        }
    }

    private static List<FeatureTrack> runInstalled(FacePipelineConfig face, List<VideoFrame> frames) throws Exception {
        List<FeatureExtractor> exs = List.of(new FaceGeometryProvider().create(new FaceGeometryConfig(face, true)),
                new FaceExpressionProvider().create(new FaceExpressionConfig(face, true)),
                new FaceCropHogProvider().create(new FaceCropHogConfig(face, 64, 16, 9)));
        List<ExtractionSession> sessions = new ArrayList<>();
        List<FeatureTrack> tracks = new ArrayList<>();
        try {
            for (FeatureExtractor e : exs) {
                sessions.add(e.open(FaceExtractorsTest.source("ravdess-thread")));
            }
            for (VideoFrame f : frames) {
                for (ExtractionSession s : sessions) {
                    s.onVideoFrame(f);
                }
            }
            for (ExtractionSession s : sessions) {
                tracks.add(s.finish());
            }
        } finally {
            for (ExtractionSession s : sessions) {
                s.close();
            }
            for (FeatureExtractor e : exs) {
                e.close();
            }
        }
        return tracks;
    }
}
