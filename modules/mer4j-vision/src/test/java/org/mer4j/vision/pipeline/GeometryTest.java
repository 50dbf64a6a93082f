package org.mer4j.vision.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mer4j.vision.face.FaceLandmarks;

class GeometryTest {
    private static final GenericFaceModel.Expression N = GenericFaceModel.Expression.NEUTRAL;

    /** AU proxies of a posed, rolled face with expression {@code e}, through the aligner as in the pipeline. */
    private static float[] proxies(GenericFaceModel.Expression e) {
        FaceLandmarks lm = GenericFaceModel.project(e, Math.toRadians(5), 0, Math.toRadians(12), 900, 320, 240, 500);
        try (FaceAligner a = new FaceAligner(112, false, 0.1)) {
            float[] out = new float[7];
            FacialGeometry.actionUnitProxies(a.fromLandmarks(lm).apply(lm.xy()), out, 0);
            return out;
        }
    }

    private static int col(String name) {
        return FacialGeometry.AU_NAMES.indexOf(name);
    }

    @Test
    void actionUnitProxiesMoveTheRightWay() {
        float[] neutral = proxies(N);
        float[] open = proxies(new GenericFaceModel.Expression(12, 0, 0, 0, 0));
        float[] smile = proxies(new GenericFaceModel.Expression(0, 6, 0, 0, 0));
        float[] stretch = proxies(new GenericFaceModel.Expression(0, 0, 6, 0, 0));
        float[] brows = proxies(new GenericFaceModel.Expression(0, 0, 0, 6, 0));
        float[] wide = proxies(new GenericFaceModel.Expression(0, 0, 0, 0, 2.5));
        float[] squint = proxies(new GenericFaceModel.Expression(0, 0, 0, 0, -2.5));

        assertEquals(0, neutral[col("mouth_open")], 0.02, "closed mouth has no gap");
        assertTrue(open[col("mouth_open")] > neutral[col("mouth_open")] + 0.1, "AU25/26: open mouth -> larger opening");
        assertEquals(neutral[col("mouth_width")], open[col("mouth_width")], 0.01, "opening does not widen the mouth");
        assertTrue(smile[col("lip_corner_pull")] > neutral[col("lip_corner_pull")] + 0.05, "AU12: corners pulled up");
        assertTrue(stretch[col("mouth_width")] > neutral[col("mouth_width")] + 0.1, "AU20: wider mouth");
        assertEquals(neutral[col("lip_corner_pull")], stretch[col("lip_corner_pull")], 0.01, "stretch does not raise the corners");
        assertTrue(brows[col("inner_brow_raise")] > neutral[col("inner_brow_raise")] + 0.05, "AU1: inner brows up");
        assertTrue(brows[col("outer_brow_raise")] > neutral[col("outer_brow_raise")] + 0.05, "AU2: outer brows up");
        for (String eye : new String[] {"eye_open_r", "eye_open_l"}) {
            assertTrue(wide[col(eye)] > neutral[col(eye)] + 0.03, "AU5: " + eye + " wider");
            assertTrue(squint[col(eye)] < neutral[col(eye)] - 0.03, "AU7: " + eye + " narrower");
        }
    }

    @Test
    void headPoseHasTheRightSigns() {
        try (HeadPoseEstimator est = new HeadPoseEstimator()) {
            double[] frontal = est.estimate(GenericFaceModel.project(N, 0, 0, 0, 640, 320, 240, 600), 640, 480);
            assertNotNull(frontal);
            for (double v : frontal) {
                assertEquals(0, Math.toDegrees(v), 2.0, "frontal face: ~0 degrees");
            }
            double[][] cases = {{25, 0, 0}, {-25, 0, 0}, {0, 15, 0}, {0, -15, 0}, {0, 0, 20}, {0, 0, -20}};
            for (double[] c : cases) {
                // a face with an open mouth: the model is generic, the landmarks are not exactly it
                FaceLandmarks lm = GenericFaceModel.project(new GenericFaceModel.Expression(6, 2, 0, 2, 0),
                        Math.toRadians(c[0]), Math.toRadians(c[1]), Math.toRadians(c[2]), 640, 320, 240, 600);
                double[] ypr = est.estimate(lm, 640, 480);
                assertNotNull(ypr);
                for (int k = 0; k < 3; k++) {
                    double got = Math.toDegrees(ypr[k]);
                    if (c[k] != 0) {
                        assertEquals(Math.signum(c[k]), Math.signum(got), "sign of angle " + k + " for " + java.util.Arrays.toString(c) + ": " + got);
                        assertEquals(c[k], got, 6.0, "angle " + k + " for " + java.util.Arrays.toString(c));
                    } else {
                        assertEquals(0, got, 6.0, "angle " + k + " stays near 0 for " + java.util.Arrays.toString(c));
                    }
                }
            }
        }
        // the synthetic projection itself: positive yaw moves the nose tip to the image's right of the eye midpoint
        FaceLandmarks right = GenericFaceModel.project(N, Math.toRadians(20), 0, 0, 640, 320, 240, 600);
        assertTrue(right.x(30) > (right.x(39) + right.x(42)) / 2);
    }
}
