package org.mer4j.vision.faceapi;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mer4j.vision.face.ExpressionOutput;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.FaceLandmarks;
import org.mer4j.vision.face.RgbImage;
import org.mer4j.vision.faceapi.bench.ClipFrames;

/**
 * A real face: RAVDESS actor 19, "surprised" (01-01-08-02-01-01-19). The face fills most of the
 * 720x720 frame, so the detector runs at input size 224 (at 416 the face is larger than the
 * anchors cover and face-api itself misses it in most frames).
 */
class RavdessFaceCheckTest {
    @Test
    void detectsTheFaceAndRanksSurprisedHigh() {
        Optional<Path> clip = ClipFrames.ravdessClip();
        assumeTrue(clip.isPresent(), "skipped: shared data (../shared/data/" + ClipFrames.RAVDESS_CLIP + ") absent");
        FaceApiModels models = FaceApiTestSupport.modelsOrSkip();
        List<RgbImage> frames = ClipFrames.decode(clip.get(), 0);
        FaceApiTestSupport.singleThreaded(() -> check(models, frames, clip.get()));
    }

    private static void check(FaceApiModels models, List<RgbImage> frames, Path clip) {
        int found = 0;
        double[] mean = new double[7];
        double[] meanBoxCrop = new double[7];
        try (TinyFaceDetector detector = new TinyFaceDetector(models, TinyFaceDetectorOptions.of(224, 0.5));
                Landmark68Net landmarks = new Landmark68Net(models);
                FaceExpressionNet expressions = new FaceExpressionNet(models)) {
            for (RgbImage frame : frames) {
                List<FaceDetection> faces = detector.detect(frame);
                if (faces.isEmpty()) {
                    continue;
                }
                found++;
                FaceDetection face = faces.get(0);
                FaceLandmarks l = landmarks.locate(frame, face);
                // nose tip (30) inside the box, eyes (36, 45) above the mouth corners (48, 54)
                assertTrue(l.x(30) > face.x() && l.x(30) < face.x() + face.width(), "nose inside the box");
                assertTrue(l.y(36) < l.y(48) && l.y(45) < l.y(54), "eyes above mouth corners");
                assertTrue(l.x(36) < l.x(45), "subject's right eye on the image left");
                // face-api's chain classifies the landmark-aligned box; the raw detector box for comparison
                ExpressionOutput e = expressions.classify(frame, Landmark68Net.alignedBox(l, face.score()));
                ExpressionOutput b = expressions.classify(frame, face);
                for (int k = 0; k < 7; k++) {
                    mean[k] += e.probabilities()[k];
                    meanBoxCrop[k] += b.probabilities()[k];
                }
            }
        }
        double rate = (double) found / frames.size();
        for (int k = 0; k < 7; k++) {
            mean[k] /= Math.max(found, 1);
            meanBoxCrop[k] /= Math.max(found, 1);
        }
        System.out.printf("RAVDESS %s: face in %d/%d frames (%.1f%%)%n  mean probabilities %s (aligned crops)%n"
                + "  mean probabilities %s (detector-box crops)%n",
                clip.getFileName(), found, frames.size(), 100 * rate, Arrays.toString(mean), Arrays.toString(meanBoxCrop));
        assertTrue(rate >= 0.95, "face found in " + found + "/" + frames.size() + " frames");
        assertTrue(rank(mean, "surprised") <= 2, "surprised ranks " + rank(mean, "surprised") + " in " + Arrays.toString(mean));
        assertTrue(rank(meanBoxCrop, "surprised") <= 2, "surprised ranks " + rank(meanBoxCrop, "surprised"));
    }

    private static long rank(double[] mean, String label) {
        int k = ExpressionOutput.CLASSES.indexOf(label);
        return 1 + Arrays.stream(mean).filter(p -> p > mean[k]).count();
    }
}
