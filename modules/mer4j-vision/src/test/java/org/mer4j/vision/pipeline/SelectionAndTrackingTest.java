package org.mer4j.vision.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.VideoFrame;
import org.mer4j.vision.face.FaceDetection;

class SelectionAndTrackingTest {

    @Test
    void mainFaceIsLargestAndCentralThenFollowsContinuity() {
        FaceDetection bigCentral = new FaceDetection(260, 180, 120, 120, 0.9);
        FaceDetection smallCorner = new FaceDetection(10, 10, 60, 60, 0.99);
        FaceDetection bigEdge = new FaceDetection(500, 300, 125, 125, 0.95);
        List<FaceDetection> faces = List.of(smallCorner, bigEdge, bigCentral);
        assertEquals(2, MainFaceSelector.select(faces, 640, 480, null), "largest + most central wins without history");
        // the followed person stays the main face even when someone larger and more central appears
        FaceDetection previous = new FaceDetection(12, 12, 58, 58, 1);
        assertEquals(0, MainFaceSelector.select(faces, 640, 480, previous), "continuity with the previous track wins");
        assertEquals(-1, MainFaceSelector.select(List.of(), 640, 480, null));
        assertEquals(1.0, MainFaceSelector.iou(bigCentral, bigCentral), 1e-12);
        assertEquals(0.0, MainFaceSelector.iou(bigCentral, smallCorner), 1e-12);
    }

    private static FaceModels scripted(Scenes.ScriptedDetector d) {
        return new FaceModels("test", d, null, null);
    }

    /** Runs a face moving 4 px right and 2 px down per frame; the detector only sees it on detection frames. */
    private static double meanTrackedError(String tracking) {
        FacePipelineConfig cfg = new FacePipelineConfig(null, 12, 320, 0.5, tracking, 112, false, 0.1, null, null, null, null, null, null, null);
        Scenes.ScriptedDetector det = new Scenes.ScriptedDetector(640);
        double err = 0;
        int n = 0;
        try (FaceModels models = scripted(det); FaceFramePipeline p = new FaceFramePipeline(cfg, models, "moving")) {
            for (int i = 0; i < 24; i++) {
                double cx = 200 + 4 * i;
                double cy = 200 + 2 * i;
                FaceDetection truth = new FaceDetection(cx - 70, cy - 70, 140, 140, 1);
                det.next = List.of(truth);
                VideoFrame f = Scenes.texturedFace(i, 640, 480, cx, cy, 70, 11);
                FaceObservation o = p.process(f);
                assertTrue(o.present(), "frame " + i + " has a face, reason " + o.reason());
                assertEquals(i % 12 == 0, o.detected(), "detector runs every 12 frames");
                if (!o.detected()) {
                    err += Math.hypot(o.box().centerX() - cx, o.box().centerY() - cy);
                    n++;
                }
            }
            assertEquals(2, det.calls);
        }
        return err / n;
    }

    @Test
    void flowTrackerFollowsAMovingFaceBetweenDetections() {
        double flow = meanTrackedError("flow");
        double hold = meanTrackedError("hold");
        System.out.printf("tracking error: flow %.2f px, hold %.2f px%n", flow, hold);
        assertTrue(flow < 3.0, "optical flow keeps the box on the face: mean error " + flow + " px");
        assertTrue(hold > 10 * flow, "holding the last box drifts (" + hold + " px), so the test sees tracking");
    }

    @Test
    void framesWithoutFacesGetMasksAndReasons() {
        FacePipelineConfig cfg = new FacePipelineConfig(null, 5, 320, 0.5, "flow", 112, false, 0.1, null, null, null, null, null, null, null);
        Scenes.ScriptedDetector det = new Scenes.ScriptedDetector(640);
        try (FaceModels models = scripted(det); FaceFramePipeline p = new FaceFramePipeline(cfg, models, "reasons")) {
            FaceDetection box = new FaceDetection(250, 170, 140, 140, 0.9);
            // 0: nothing found
            det.next = List.of();
            FaceObservation o = p.process(Scenes.uniform(0, 640, 480, 100));
            assertFalse(o.present());
            assertEquals(NoFaceReason.NO_DETECTION, o.reason());
            assertNull(o.box());
            // 1: a face below the score threshold
            det.next = List.of(new FaceDetection(250, 170, 140, 140, 0.2));
            o = p.process(Scenes.uniform(1, 640, 480, 100));
            assertEquals(NoFaceReason.LOW_SCORE, o.reason());
            // 2: a face, then 3: the image goes blank between detections -> the tracker loses it
            det.next = List.of(box);
            o = p.process(Scenes.texturedFace(2, 640, 480, 320, 240, 70, 3));
            assertTrue(o.present());
            assertNotNull(o.toCrop());
            assertEquals(112, o.crop().cols());
            o = p.process(Scenes.uniform(3, 640, 480, 100));
            assertFalse(o.detected(), "frame 3 is a tracking frame");
            assertEquals(NoFaceReason.LOST_TRACK, o.reason());
            Map<NoFaceReason, Integer> r = p.reasons();
            assertEquals(1, r.get(NoFaceReason.NO_DETECTION));
            assertEquals(1, r.get(NoFaceReason.LOW_SCORE));
            assertEquals(1, r.get(NoFaceReason.LOST_TRACK));
            assertEquals(1, p.faces());
            assertTrue(p.summary().contains("lost-track 1"), p.summary());
        }
    }
}
