package org.mer4j.vision.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.pipeline.FaceModels;
import org.mer4j.vision.pipeline.FacePipelineConfig;
import org.mer4j.vision.pipeline.Scenes;

/**
 * Runs the committed tiny TorchScript encoder (src/test/resources/torchscript, made by
 * make_tiny_encoder.py with Debian's python3-torch) through {@code face-torchscript}.
 */
class FaceTorchScriptTest {

    private static Path resource(String name) throws Exception {
        return Path.of(FaceTorchScriptTest.class.getResource("/torchscript/" + name).toURI());
    }

    @Test
    void bringYourOwnTorchScriptEncoderGivesTheModelsOutput() throws Exception {
        Path model = resource("tiny_encoder.pt");
        String[] expected = Files.readString(resource("tiny_encoder.expected.txt")).trim().split("\\s+");
        // pixels of 64 scaled to [0, 1] and divided by std = (64/255)/0.25 give exactly the 0.25 input of the reference
        double std = 64 / 255.0 / 0.25;
        FacePipelineConfig face = new FacePipelineConfig(null, 1, 320, 0.5, null, 112, false, 0.1, null, null, null, null, null, null, null);
        FaceTorchScriptConfig cfg = new FaceTorchScriptConfig(face, model.toString(), 32, List.of(0.0, 0.0, 0.0),
                List.of(std, std, std), "rgb", org.mer4j.api.PinnedFiles.sha256(model));
        Scenes.ScriptedDetector det = new Scenes.ScriptedDetector(320);
        det.next = List.of(new FaceDetection(100, 60, 120, 120, 0.9));
        FeatureTrack t;
        try (FeatureExtractor ex = new FaceTorchScriptExtractor(cfg, c -> new FaceModels("fake", det, null, null))) {
            assertEquals(8, ((FaceTorchScriptExtractor) ex).dim(), "output width read from the model");
            try (ExtractionSession s = ex.open(FaceExtractorsTest.source("ts"))) {
                for (int i = 0; i < 3; i++) {
                    s.onVideoFrame(Scenes.uniform(i, 320, 240, 64));
                }
                t = s.finish();
            }
        }
        assertEquals(8, t.dim());
        assertEquals(1.0, t.validFraction(), 1e-9);
        for (int k = 0; k < 8; k++) {
            assertEquals(Double.parseDouble(expected[k]), t.row(2)[k], 1e-4, "output " + k + " matches PyTorch");
        }
    }

    @Test
    void anUnpinnedOrChangedModelFileIsNeverLoaded() throws Exception {
        Path model = resource("tiny_encoder.pt");
        String sha = org.mer4j.api.PinnedFiles.sha256(model);
        FaceTorchScriptConfig unpinned = FaceTorchScriptConfig.defaults().withModel(model.toString(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FaceTorchScriptProvider().create(unpinned));
        assertTrue(e.getMessage().contains("is code") && e.getMessage().contains("face-torchscript.modelSha256: " + sha), e.getMessage());
        FaceTorchScriptConfig wrong = FaceTorchScriptConfig.defaults().withModel(model.toString(), "ab".repeat(32));
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> new FaceTorchScriptProvider().create(wrong));
        assertTrue(w.getMessage().contains("sha256 is " + sha) && w.getMessage().contains("Refusing to load"), w.getMessage());
    }

    @Test
    void missingOrBrokenModelPathFailsWithTheFix() throws Exception {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new FaceTorchScriptProvider().create(FaceTorchScriptConfig.defaults()));
        assertTrue(none.getMessage().contains("modelPath is required"), none.getMessage());
        FaceTorchScriptConfig absent = new FaceTorchScriptConfig(null, "/nonexistent/encoder.pt", 224, null, null, null, "00");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FaceTorchScriptProvider().create(absent));
        assertTrue(e.getMessage().contains("no file at"), e.getMessage());
        Path junk = Files.createTempFile("not-torchscript", ".pt");
        Files.writeString(junk, "this is not a model");
        try {
            IllegalArgumentException j = assertThrows(IllegalArgumentException.class, () -> new FaceTorchScriptProvider()
                    .create(new FaceTorchScriptConfig(null, junk.toString(), 224, null, null, null, org.mer4j.api.PinnedFiles.sha256(junk))));
            assertTrue(j.getMessage().contains("TorchScript"), j.getMessage());
        } finally {
            Files.deleteIfExists(junk);
        }
    }
}
