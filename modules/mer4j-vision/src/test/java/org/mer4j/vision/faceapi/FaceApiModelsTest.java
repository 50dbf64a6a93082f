package org.mer4j.vision.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceApiModelsTest {
    @TempDir
    Path tmp;

    @Test
    void missingWeightsSayHowToInstall() {
        FaceApiModels models = FaceApiModels.at(tmp.resolve("face-api"));
        assertFalse(models.isInstalled());
        String problem = models.problem().orElseThrow();
        assertTrue(problem.contains("run tools/mer4j models install"), problem);
        assertTrue(problem.contains(FaceApiModels.TINY_FACE_DETECTOR), problem);
        FaceApiModelsMissingException e = assertThrows(FaceApiModelsMissingException.class,
                () -> new TinyFaceDetector(models, TinyFaceDetectorOptions.DEFAULT));
        assertTrue(e.getMessage().contains("models install"), e.getMessage());
        assertThrows(FaceApiModelsMissingException.class, () -> new Landmark68Net(models));
        assertThrows(FaceApiModelsMissingException.class, () -> new FaceExpressionNet(models));
    }

    @Test
    void wrongInstalledVersionIsReported() throws Exception {
        Path dir = tmp.resolve("face-api");
        java.nio.file.Files.createDirectories(dir);
        for (String m : java.util.List.of(FaceApiModels.TINY_FACE_DETECTOR, FaceApiModels.FACE_LANDMARK_68, FaceApiModels.FACE_EXPRESSION)) {
            java.nio.file.Files.writeString(dir.resolve(m + "-weights_manifest.json"), "[]");
        }
        assertTrue(FaceApiModels.at(dir).isInstalled());
        java.nio.file.Files.writeString(dir.resolve("INSTALLED.json"), "{\"version\": \"1.0.0\"}");
        String problem = FaceApiModels.at(dir).problem().orElseThrow();
        assertTrue(problem.contains("--force"), problem);
    }

    @Test
    void systemPropertyChoosesTheModelsRoot() {
        String old = System.getProperty("mer4j.models");
        try {
            System.setProperty("mer4j.models", tmp.toString());
            assertEquals(tmp.resolve("face-api").toAbsolutePath().normalize(), FaceApiModels.locate().directory());
        } finally {
            if (old == null) {
                System.clearProperty("mer4j.models");
            } else {
                System.setProperty("mer4j.models", old);
            }
        }
    }

    @Test
    void optionsFollowFaceApiRules() {
        assertEquals(416, TinyFaceDetectorOptions.DEFAULT.inputSize());
        assertThrows(IllegalArgumentException.class, () -> TinyFaceDetectorOptions.of(400, 0.5));
        assertThrows(IllegalArgumentException.class, () -> TinyFaceDetectorOptions.of(416, 1.0));
    }
}
