package org.mer4j.vision.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.RecordSettings;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.VideoFrame;
import org.mer4j.vision.face.ExpressionModel;
import org.mer4j.vision.face.ExpressionOutput;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.RgbImage;
import org.mer4j.vision.pipeline.FaceModelLoader;
import org.mer4j.vision.pipeline.FaceModels;
import org.mer4j.vision.pipeline.FacePipelineConfig;
import org.mer4j.vision.pipeline.GenericFaceModel;
import org.mer4j.vision.pipeline.Scenes;

class FaceExtractorsTest {
    @TempDir
    Path tmp;

    static ClipSource source(String id) {
        return new ClipSource(new Clip(id, "s", null, null, null, null, null), null, null, null);
    }

    private static FacePipelineConfig face(int detectEvery, String export, String modelsDir) {
        return new FacePipelineConfig(null, detectEvery, 320, 0.5, null, 112, false, 0.1, export, null, modelsDir, null, null, null, null);
    }

    @Test
    void providersAreRegistered() {
        List<String> names = new ArrayList<>();
        for (FeatureExtractorProvider<?> p : ServiceLoader.load(FeatureExtractorProvider.class)) {
            names.add(p.name());
        }
        for (String n : List.of("face-hog", "face-expression", "face-landmarks", "face-geometry", "face-crop-hog", "face-torchscript")) {
            assertTrue(names.contains(n), n + " in " + names);
        }
    }

    @Test
    void configsRejectUnknownKeysAndKeepDefaultsOfPartialFaceBlocks() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode bad = json.readTree("{\"hogSize\": 64, \"detectEvry\": 3}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordSettings.map(FaceCropHogConfig.class, FaceCropHogConfig.defaults(), bad, "features.face-crop-hog"));
        assertTrue(e.getMessage().contains("detectEvry") && e.getMessage().contains("unknown key"), e.getMessage());
        JsonNode badNested = json.readTree("{\"face\": {\"detectEvery\": 3, \"cropsize\": 96}}");
        assertThrows(IllegalArgumentException.class,
                () -> RecordSettings.map(FaceGeometryConfig.class, FaceGeometryConfig.defaults(), badNested, "features.face-geometry"));
        JsonNode partial = json.readTree("{\"face\": {\"detectEvery\": 3}, \"embedding\": true}");
        FaceExpressionConfig c = RecordSettings.map(FaceExpressionConfig.class, FaceExpressionConfig.defaults(), partial, "x");
        assertEquals(3, c.face().detectEvery());
        assertEquals(112, c.face().cropSize(), "absent keys of a partial face block keep their defaults");
        assertEquals(320, c.face().detectWidth());
        assertTrue(c.embedding());
        JsonNode invalid = json.readTree("{\"face\": {\"tracking\": \"kalman\"}}");
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> RecordSettings.map(FaceLandmarksConfig.class, FaceLandmarksConfig.defaults(), invalid, "features.face-landmarks"));
        assertTrue(e2.getMessage().contains("face.tracking"), e2.getMessage());
    }

    private static FeatureTrack run(FeatureExtractor ex, String clip, List<VideoFrame> frames) throws ClipFailedException {
        try (ExtractionSession s = ex.open(source(clip))) {
            for (VideoFrame f : frames) {
                s.onVideoFrame(f);
            }
            return s.finish();
        }
    }

    @Test
    void haarFallbackRunsOnARenderedFace() throws Exception {
        Function<FacePipelineConfig, FaceModels> haar = FaceModelLoader::haarOnly;
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            VideoFrame f = Scenes.cartoonFace(320, 240, 150 + 2 * i, 120, 70);
            frames.add(new VideoFrame(i / 25.0, i, f.width(), f.height(), f.bgr()));
        }
        FaceCropHogConfig cfg = new FaceCropHogConfig(face(4, null, null), 64, 16, 9);
        FeatureTrack t;
        try (FaceCropHogExtractor ex = new FaceCropHogExtractor(cfg, haar)) {
            t = run(ex, "cartoon", frames);
        }
        assertEquals(12, t.length());
        assertEquals(328, t.dim());
        assertEquals(1.0, t.validFraction(), 1e-9, "the Haar cascade finds the rendered face and flow keeps it");
        float[] row = t.row(11);
        assertEquals((150 + 22) / 320.0, row[324], 0.06, "box centre x follows the face");
        assertTrue(row[326] > 0.3 && row[326] < 0.9, "box width relative to the frame: " + row[326]);
        assertNotEquals(0f, row[0] + row[50] + row[100]);
    }

    @Test
    void extractorsThatNeedWeightsFailClearlyWithoutThem() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-models"));
        FaceExpressionConfig cfg = new FaceExpressionConfig(face(5, null, empty.toString()), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FaceExpressionProvider().create(cfg));
        assertTrue(e.getMessage().contains("tools/mer4j models install"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new FaceGeometryProvider().create(new FaceGeometryConfig(face(5, null, empty.toString()), true)));
        assertThrows(IllegalArgumentException.class,
                () -> new FaceLandmarksProvider().create(new FaceLandmarksConfig(face(5, null, empty.toString()))));
        // the fallback models have no landmarks: a clip fails with a reason naming the fix
        try (FaceModels m = FaceModelLoader.open(face(5, null, empty.toString()))) {
            assertEquals("haar-fallback", m.backend());
        }
        try (FaceLandmarksExtractor ex = new FaceLandmarksExtractor(new FaceLandmarksConfig(face(5, null, null)), FaceModelLoader::haarOnly)) {
            ClipFailedException c = assertThrows(ClipFailedException.class, () -> ex.open(source("c")));
            assertEquals("face-model-missing", c.reason());
            assertTrue(c.getMessage().contains("tools/mer4j models install"), c.getMessage());
        }
        // face-crop-hog runs without the weights
        try (FeatureExtractor ex = new FaceCropHogProvider().create(new FaceCropHogConfig(face(5, null, empty.toString()), 64, 16, 9))) {
            assertEquals("face-crop-hog", ex.name());
        }
    }

    /** Fake expression net: "happy" grows with the crop's mean brightness; the embedding is a ramp. */
    static final class FakeExpression implements ExpressionModel {
        int calls;

        @Override
        public ExpressionOutput classify(RgbImage crop) {
            calls++;
            float[] p = new float[7];
            p[0] = 0.5f;
            p[1] = 0.5f;
            float[] e = new float[256];
            for (int i = 0; i < e.length; i++) {
                e[i] = i / 256f;
            }
            return new ExpressionOutput(p, e);
        }
    }

    @Test
    void faceFeaturesShareOnePipelineAndHaveTheDocumentedWidths() throws Exception {
        Scenes.ScriptedDetector det = new Scenes.ScriptedDetector(640);
        Scenes.SyntheticLandmarkModel lm = new Scenes.SyntheticLandmarkModel();
        FakeExpression expr = new FakeExpression();
        Function<FacePipelineConfig, FaceModels> fake = c -> new FaceModels("fake", det, lm, expr);
        FacePipelineConfig fc = face(4, tmp.resolve("crops").toString(), null);
        List<FeatureExtractor> exs = List.of(
                new FaceGeometryExtractor(new FaceGeometryConfig(fc, true), fake),
                new FaceLandmarksExtractor(new FaceLandmarksConfig(fc), fake),
                new FaceExpressionExtractor(new FaceExpressionConfig(fc, true), fake),
                new FaceCropHogExtractor(new FaceCropHogConfig(fc, 64, 16, 9), fake));
        List<ExtractionSession> sessions = new ArrayList<>();
        for (FeatureExtractor e : exs) {
            sessions.add(e.open(source("clip/7")));
        }
        int n = 10;
        for (int i = 0; i < n; i++) {
            // mouth opens over the clip; frame 6 has no face
            lm.expression = new GenericFaceModel.Expression(i, 0, 0, 0, 0);
            det.next = i == 6 ? List.of() : List.of(new FaceDetection(240, 160, 160, 160, 0.9));
            VideoFrame f = i == 6 ? Scenes.uniform(i, 640, 480, 90) : Scenes.texturedFace(i, 640, 480, 320, 240, 80, 5);
            for (ExtractionSession s : sessions) {
                s.onVideoFrame(f);
            }
        }
        List<FeatureTrack> tracks = new ArrayList<>();
        for (ExtractionSession s : sessions) {
            tracks.add(s.finish());
            s.close();
        }
        for (FeatureExtractor e : exs) {
            e.close();
        }
        assertEquals(List.of(10, 136, 263, 328), tracks.stream().map(FeatureTrack::dim).toList());
        // detection frames 0, 4, 7 (the track was lost on the blank frame 6), 8: once per frame, shared by the four extractors
        assertEquals(4, det.calls, "one detector call per detection frame for all four extractors");
        assertEquals(9, expr.calls, "expression net once per frame with a face");
        for (FeatureTrack t : tracks) {
            assertEquals(n, t.length());
            assertFalse(t.mask()[6], t.name() + ": frame 6 has no face");
            assertTrue(t.mask()[5] && t.mask()[9], t.name());
        }
        FeatureTrack geo = tracks.get(0);
        assertTrue(geo.row(9)[0] > geo.row(1)[0] + 0.1, "mouth_open grows as the mouth opens");
        FeatureTrack lmk = tracks.get(1);
        float[] r = lmk.row(3);
        for (float v : r) {
            assertTrue(v > -0.2 && v < 1.2, "aligned, normalised landmark " + v);
        }
        assertEquals(0.5f, tracks.get(2).row(0)[1], 1e-6);
        assertEquals(255 / 256f, tracks.get(2).row(0)[262], 1e-6);
        // aligned crops were exported atomically: one folder for the clip, 9 images, no temporary folders left
        Path crops = tmp.resolve("crops");
        try (Stream<Path> s = Files.list(crops)) {
            assertEquals(List.of("clip_7"), s.map(p -> p.getFileName().toString()).toList());
        }
        try (Stream<Path> s = Files.list(crops.resolve("clip_7"))) {
            List<String> files = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(9, files.size(), files.toString());
            assertEquals("000000.png", files.get(0));
        }
    }
}
