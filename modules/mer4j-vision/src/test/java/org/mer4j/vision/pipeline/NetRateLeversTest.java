package org.mer4j.vision.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.api.VideoFrame;
import org.mer4j.vision.face.ExpressionModel;
import org.mer4j.vision.face.ExpressionOutput;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.FaceLandmarks;
import org.mer4j.vision.face.LandmarkModel;
import org.mer4j.vision.face.RgbImage;

/**
 * The speed levers {@code face.landmarkEvery} and {@code face.expressionEvery}: the nets run only on
 * the frames they should, the landmarks in between follow the moving face, the expression in
 * between is the previous frame's, and the defaults run every net on every frame.
 */
class NetRateLeversTest {
    /**
     * 68 points on a grid of the seed box's size centred on the true face (as a landmark net finds
     * the face inside its seed box), counting its calls.
     */
    static final class GridLandmarks implements LandmarkModel {
        int calls;
        FaceDetection truth;

        @Override
        public FaceLandmarks locate(RgbImage image, FaceDetection face) {
            calls++;
            double[] xy = new double[136];
            for (int i = 0; i < 68; i++) {
                xy[2 * i] = truth.centerX() + face.width() * (-0.5 + (i % 10) / 9.0);
                xy[2 * i + 1] = truth.centerY() + face.height() * (-0.5 + (i / 10) / 6.0);
            }
            return new FaceLandmarks(xy);
        }
    }

    /** A new output per call, counting calls. */
    static final class CountingExpression implements ExpressionModel {
        int calls;

        @Override
        public ExpressionOutput classify(RgbImage faceCrop) {
            calls++;
            float[] p = new float[7];
            p[calls % 7] = 1;
            return new ExpressionOutput(p, new float[256]);
        }
    }

    private record Run(int landmarkCalls, int expressionCalls, double meanCentreError) {
    }

    /** A face moving 3 px right and 2 px down per frame over 24 frames, detected every 12th frame. */
    private static Run run(int landmarkEvery, int expressionEvery) {
        FacePipelineConfig cfg = FacePipelineConfig.defaults().withDetectEvery(12).withNets("onnxruntime", landmarkEvery, expressionEvery);
        Scenes.ScriptedDetector det = new Scenes.ScriptedDetector(640);
        GridLandmarks lm = new GridLandmarks();
        CountingExpression ex = new CountingExpression();
        double err = 0;
        ExpressionOutput previous = null;
        try (FaceModels models = new FaceModels("test", det, lm, ex); FaceFramePipeline p = new FaceFramePipeline(cfg, models, "moving")) {
            for (int i = 0; i < 24; i++) {
                double cx = 200 + 3 * i;
                double cy = 200 + 2 * i;
                det.next = List.of(new FaceDetection(cx - 70, cy - 70, 140, 140, 1));
                lm.truth = det.next.get(0);
                VideoFrame f = Scenes.texturedFace(i, 640, 480, cx, cy, 70, 11);
                FaceObservation o = p.process(f);
                assertTrue(o.present(), "frame " + i + ": " + o.reason());
                double mx = 0;
                double my = 0;
                for (int k = 0; k < 68; k++) {
                    mx += o.landmarks().x(k) / 68;
                    my += o.landmarks().y(k) / 68;
                }
                err += Math.hypot(mx - cx, my - cy) / 24;
                ExpressionOutput e = o.expression();
                if (previous != null) {
                    if (i % expressionEvery != 0) {
                        assertSame(previous, e, "frame " + i + " holds the expression of frame " + (i - 1));
                    } else {
                        assertNotSame(previous, e, "frame " + i + " runs the expression net");
                    }
                }
                previous = e;
            }
        }
        return new Run(lm.calls, ex.calls, err);
    }

    @Test
    void defaultsRunEveryNetOnEveryFrame() {
        FacePipelineConfig d = FacePipelineConfig.defaults();
        assertEquals(1, d.landmarkEvery());
        assertEquals(1, d.expressionEvery());
        Run r = run(1, 1);
        assertEquals(24, r.landmarkCalls());
        assertEquals(24, r.expressionCalls());
    }

    @Test
    void landmarkNetRunsEveryKthFrameAndThePointsFollowTheFaceBetween() {
        Run every = run(1, 1);
        Run third = run(3, 1);
        // frames 0, 3, 6, ... 21: 8 of 24 (the detection frames 0 and 12 are among them)
        assertEquals(8, third.landmarkCalls());
        System.out.printf("landmark centre error: every frame %.2f px, every 3rd frame %.2f px%n", every.meanCentreError(), third.meanCentreError());
        // the model puts its points on the face, so between its runs the error measures how well the followed points keep up
        // (the face moves 3.6 px per frame: points held still add 3.6 px on average; the grid's mean has a fixed offset of its own)
        assertTrue(third.meanCentreError() < every.meanCentreError() + 1.0,
                "followed landmarks stay on the moving face: " + third.meanCentreError() + " px vs " + every.meanCentreError() + " px");
    }

    @Test
    void expressionNetRunsEveryKthFrameAndIsHeldBetween() {
        Run r = run(1, 2);
        assertEquals(12, r.expressionCalls());
    }

    @Test
    void followMovesPointsWithTheBoxShiftAndScale() {
        FaceLandmarks lm = new FaceLandmarks(new double[136]);
        double[] xy = lm.xy();
        xy[0] = 110; // 10 px right of the centre (100, 100) of a 40 px box
        xy[1] = 100;
        FaceLandmarks moved = FaceFramePipeline.follow(new FaceLandmarks(xy), new FaceDetection(80, 80, 40, 40, 1),
                new FaceDetection(90, 85, 80, 80, 1), 1.0);
        // new centre (130, 125), twice the size: the point is 20 px right of it
        assertEquals(150, moved.x(0), 1e-9);
        assertEquals(125, moved.y(0), 1e-9);
        // the small-frame boxes scale back to the frame
        FaceLandmarks full = FaceFramePipeline.follow(new FaceLandmarks(xy), new FaceDetection(40, 40, 20, 20, 1),
                new FaceDetection(45, 42.5, 40, 40, 1), 2.0);
        assertEquals(150, full.x(0), 1e-9);
    }

    @Test
    void ratesOutsideTheRangeAreRefusedWithTheField() {
        FacePipelineConfig d = FacePipelineConfig.defaults();
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> d.withNets(null, 0, 1));
        assertTrue(a.getMessage().contains("face.landmarkEvery"), a.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> d.withNets(null, 1, 31));
        assertTrue(b.getMessage().contains("face.expressionEvery"), b.getMessage());
    }
}
