package org.mer4j.vision.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mer4j.vision.face.RgbImage;
import org.mer4j.vision.faceapi.bench.ClipFrames;
import org.mer4j.vision.faceapi.bench.FacesExactness;

/**
 * The DJL ports against outputs of {@code @vladmandic/face-api} 1.7.15 itself (tfjs CPU backend),
 * recorded by tools/bench/faces-exactness.sh in src/test/resources/faceapi/reference.json. Boxes
 * are compared in normalised units (pixels / image width or height), landmarks in image pixels,
 * expression probabilities and pooled features as is; all within 1e-3.
 */
class FaceApiExactnessTest {
    private static final double TOL = 1e-3;
    private static FacesExactness.Models models;
    private static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = FaceApiExactnessTest.class.getResourceAsStream("/faceapi/reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        FaceApiModels installed = FaceApiModels.locate();
        if (installed.isInstalled()) {
            models = new FacesExactness.Models(installed);
        }
    }

    @AfterAll
    static void close() {
        if (models != null) {
            models.close();
        }
    }

    private static JsonNode entry(String prefix) {
        for (JsonNode e : reference) {
            if (e.get("name").asText().startsWith(prefix)) {
                return e;
            }
        }
        throw new AssertionError("no reference entry " + prefix);
    }

    private static void check(JsonNode ref, RgbImage image) {
        FaceApiTestSupport.modelsOrSkip();
        FacesExactness.Diffs d = FacesExactness.compare(ref, image, models);
        String name = ref.get("name").asText();
        assertEquals("", d.problems(), name);
        assertTrue(ref.get("face") != null && !ref.get("face").isNull(), name + ": reference has a face");
        assertTrue(d.boxNormalised() < TOL, name + " box diff " + d.boxNormalised());
        assertTrue(d.score() < TOL, name + " score diff " + d.score());
        assertTrue(d.landmarks() < TOL, name + " landmark diff (px) " + d.landmarks());
        assertTrue(d.probabilities() < TOL, name + " expression diff " + d.probabilities());
        assertTrue(d.features() < TOL, name + " feature diff " + d.features());
    }

    @Test
    void syntheticFaceMatchesTheJavascript() throws Exception {
        FaceApiTestSupport.modelsOrSkip();
        Path png = Path.of(FaceApiExactnessTest.class.getResource("/faceapi/synthetic.png").toURI());
        check(entry("synthetic"), FacesExactness.readPng(png));
    }

    @Test
    void ravdessFrameMatchesTheJavascript() {
        FaceApiTestSupport.modelsOrSkip();
        Optional<Path> clip = ClipFrames.ravdessClip();
        assumeTrue(clip.isPresent(), "skipped: shared data (../shared/data/" + ClipFrames.RAVDESS_CLIP + ") absent");
        JsonNode ref = entry("ravdess");
        RgbImage frame = ClipFrames.frame(clip.get(), FacesExactness.RAVDESS_FRAME);
        assumeTrue(FacesExactness.sha256(frame.rgb()).equals(ref.get("rgb_sha256").asText()),
                "skipped: the decoded frame differs from the pixels the reference saw (another FFmpeg build?); "
                        + "rerun tools/bench/faces-exactness.sh --update-fixtures");
        check(ref, frame);
    }
}
