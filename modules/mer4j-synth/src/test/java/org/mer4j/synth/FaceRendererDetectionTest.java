package org.mer4j.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.mer4j.vision.HaarFaceConfig;
import org.mer4j.vision.HaarFaceDetector;

/**
 * Every emotion, for varied subjects, poses, articulation, blinks and hesitation cues, renders a face that
 * the vision module's {@link HaarFaceDetector} (OpenCV frontal-face alt2 cascade) finds.
 */
class FaceRendererDetectionTest {

    @Test
    void haarCascadeFindsRenderedFacesAcrossSubjectsEmotionsAndPoses() throws Exception {
        SplittableRandom rng = new SplittableRandom(7);
        String preview = System.getProperty("mer4j.synth.preview");
        int frames = 0;
        int found = 0;
        StringBuilder misses = new StringBuilder();
        try (HaarFaceDetector detector = new HaarFaceDetector(HaarFaceConfig.defaults()); Mat frame = new Mat()) {
            for (int s = 0; s < 12; s++) {
                SubjectProfile subject = SubjectSampler.sample("s" + s, rng.split());
                try (FaceRenderer renderer = new FaceRenderer(320, 240, subject)) {
                    for (Emotion e : Emotion.values()) {
                        for (int k = 0; k < 3; k++) {
                            FaceParams p = FaceParams.of(e, subject.faceExpressiveness() * 1.3)
                                    .withMotion(k == 1 ? 0.5 : 0, k == 2 ? 0.9 : 0);
                            if (k == 2 && s % 2 == 0) {
                                p = p.withHesitation(1);
                            }
                            HeadPose pose = new HeadPose(rng.nextDouble(-0.03, 0.03), rng.nextDouble(-0.02, 0.02),
                                    rng.nextDouble(0.95, 1.05), rng.nextDouble(-5, 5));
                            renderer.render(frame, p, pose);
                            frames++;
                            int n = detector.detect(frame).isPresent() ? 1 : 0;
                            if (n >= 1) {
                                found++;
                            } else {
                                misses.append(subject.id()).append('/').append(e.key()).append('/').append(k).append(' ');
                            }
                            if (preview != null) {
                                opencv_imgcodecs.imwrite(preview + "/" + subject.id() + "_" + e.key() + "_" + k + (n >= 1 ? "" : "_MISS") + ".png", frame);
                            }
                        }
                    }
                }
            }
        }
        double rate = found / (double) frames;
        System.out.printf("rendered-face Haar detection: %d/%d = %.3f; misses: %s%n", found, frames, rate, misses);
        assertTrue(rate >= 0.95, "Haar cascade found faces in only " + found + "/" + frames + " renders; misses: " + misses);
    }
}
