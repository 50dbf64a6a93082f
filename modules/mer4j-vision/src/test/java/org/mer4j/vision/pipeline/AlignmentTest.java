package org.mer4j.vision.pipeline;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.FaceLandmarks;

class AlignmentTest {

    @Test
    void umeyamaRecoversAKnownSimilarity() {
        SplittableRandom rnd = new SplittableRandom(3);
        Similarity2D truth = Similarity2D.of(1.7, Math.toRadians(-28), 12.5, -40);
        double[] src = new double[20];
        for (int i = 0; i < src.length; i++) {
            src[i] = rnd.nextDouble(-50, 50);
        }
        Similarity2D est = Umeyama.estimate(src, truth.apply(src));
        assertEquals(truth.a(), est.a(), 1e-9);
        assertEquals(truth.b(), est.b(), 1e-9);
        assertEquals(truth.tx(), est.tx(), 1e-9);
        assertEquals(truth.ty(), est.ty(), 1e-9);
        assertEquals(1.7, est.scale(), 1e-9);
        assertEquals(Math.toRadians(-28), est.rotation(), 1e-9);
        // the inverse undoes it
        double[] back = est.inverse().apply(truth.apply(src));
        for (int i = 0; i < src.length; i++) {
            assertEquals(src[i], back[i], 1e-9);
        }
    }

    @Test
    void umeyamaIsLeastSquaresUnderNoiseAndRejectsDegenerateInput() {
        SplittableRandom rnd = new SplittableRandom(5);
        Similarity2D truth = Similarity2D.of(0.8, Math.toRadians(15), 3, 4);
        double[] src = new double[200];
        for (int i = 0; i < src.length; i++) {
            src[i] = rnd.nextDouble(-100, 100);
        }
        double[] dst = truth.apply(src);
        for (int i = 0; i < dst.length; i++) {
            dst[i] += rnd.nextDouble(-0.5, 0.5);
        }
        Similarity2D est = Umeyama.estimate(src, dst);
        assertEquals(0.8, est.scale(), 5e-3);
        assertEquals(Math.toRadians(15), est.rotation(), 5e-3);
        // a perturbed transform fits worse than the estimate
        assertTrue(residual(est, src, dst) < residual(Similarity2D.of(0.8, Math.toRadians(15.5), 3, 4), src, dst));
        assertThrows(IllegalArgumentException.class, () -> Umeyama.estimate(new double[] {1, 1, 1, 1}, new double[] {0, 0, 2, 2}));
    }

    private static double residual(Similarity2D t, double[] src, double[] dst) {
        double[] p = t.apply(src);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += (p[i] - dst[i]) * (p[i] - dst[i]);
        }
        return s;
    }

    @Test
    void alignedEyesLandOnTheCanonicalPositions() {
        // a face rolled by 25 degrees, 300 px wide in a 640x480 frame
        FaceLandmarks lm = rolled(25);
        double[] canon = FaceAligner.canonicalPoints(112);
        try (FaceAligner eyes = new FaceAligner(112, true, 0.1); FaceAligner five = new FaceAligner(112, false, 0.1)) {
            double[] e = eyes.fromLandmarks(lm).apply(FaceAligner.fivePoints(lm));
            for (int i = 0; i < 4; i++) {
                assertEquals(canon[i], e[i], 1e-6, "eyes-only alignment is exact");
            }
            Similarity2D t = five.fromLandmarks(lm);
            double[] f = t.apply(FaceAligner.fivePoints(lm));
            for (int i = 0; i < 4; i++) {
                assertEquals(canon[i], f[i], 4.0, "five-point alignment puts the eyes within 4 px");
            }
            assertEquals(Math.toRadians(-25), t.rotation(), Math.toRadians(3), "alignment undoes the roll");

            // in pixels: dark dots drawn at the eye centres end up at the canonical eye positions of the crop
            double[] p = FaceAligner.fivePoints(lm);
            try (Mat frame = new Mat(480, 640, CV_8UC3, new Scalar(230, 230, 230, 0)); Mat crop = new Mat()) {
                for (int k = 0; k < 2; k++) {
                    opencv_imgproc.circle(frame, new Point((int) Math.round(p[2 * k]), (int) Math.round(p[2 * k + 1])), 6,
                            new Scalar(0, 0, 0, 0), -1, opencv_imgproc.LINE_8, 0);
                }
                eyes.warp(frame, eyes.fromLandmarks(lm), crop);
                assertEquals(112, crop.cols());
                try (UByteIndexer idx = crop.createIndexer()) {
                    for (int k = 0; k < 2; k++) {
                        int x = (int) Math.round(canon[2 * k]);
                        int y = (int) Math.round(canon[2 * k + 1]);
                        assertTrue(idx.get(y, x, 0) < 60, "eye " + k + " is dark at the canonical position: " + idx.get(y, x, 0));
                    }
                    assertTrue(idx.get(10, 56, 0) > 200, "forehead stays bright");
                }
            }
        }
    }

    /** Synthetic frontal landmarks, rotated in the image plane by {@code degrees} (clockwise on screen). */
    static FaceLandmarks rolled(double degrees) {
        return GenericFaceModel.project(GenericFaceModel.Expression.NEUTRAL, 0, 0, Math.toRadians(degrees), 900, 320, 240, 450);
    }

    @Test
    void boxFallbackCropsTheBoxWithoutRotation() {
        try (FaceAligner a = new FaceAligner(100, false, 0.0)) {
            Similarity2D t = a.fromBox(new FaceDetection(50, 60, 200, 200, 1));
            assertEquals(0, t.rotation(), 1e-12);
            assertEquals(0, t.applyX(50, 60), 1e-9);
            assertEquals(100, t.applyX(250, 260), 1e-9);
            assertEquals(100, t.applyY(250, 260), 1e-9);
        }
    }
}
