package org.mer4j.vision.pipeline;

import static org.bytedeco.opencv.global.opencv_calib3d.Rodrigues;
import static org.bytedeco.opencv.global.opencv_calib3d.SOLVEPNP_ITERATIVE;
import static org.bytedeco.opencv.global.opencv_calib3d.solvePnP;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC3;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.mer4j.vision.face.FaceLandmarks;

/**
 * Head pose from 2-D landmarks by perspective-n-point: OpenCV's {@code solvePnP} (iterative
 * Levenberg-Marquardt, started from an upright face at the distance implied by the eye spacing) fits the rigid pose of the {@link GenericFaceModel} to
 * 16 stable landmarks (chin, brow ends, nose bridge and base, eye corners, mouth corners; the jaw
 * contour is left out because it is a silhouette, not fixed points). The camera is a pinhole
 * with focal length {@code max(width, height)} pixels and the principal point at the image
 * centre, no distortion: the usual assumption for webcam video without calibration.
 *
 * <p>Angles in radians: yaw &gt; 0 when the nose turns to the image's right (the subject's
 * left), pitch &gt; 0 when the head tilts up, roll &gt; 0 when the face rotates clockwise on
 * screen. Decomposition {@code R = Rz(roll) Rx(-pitch) Ry(-yaw)}. With a generic model, expect
 * errors of several degrees; the signs and trends are what the features carry. Not thread-safe;
 * close it.
 */
public final class HeadPoseEstimator implements AutoCloseable {
    /** The landmarks used. */
    static final int[] POINTS = {8, 17, 21, 22, 26, 27, 30, 31, 33, 35, 36, 39, 42, 45, 48, 54};

    private final Mat object = new Mat(POINTS.length, 1, CV_64FC3);
    private final Mat image = new Mat(POINTS.length, 1, CV_64FC2);
    private final Mat camera = new Mat(3, 3, CV_64F);
    private final Mat dist = new Mat(4, 1, CV_64F);
    private final Mat rvec = new Mat();
    private final Mat tvec = new Mat();
    private final Mat rot = new Mat();

    public HeadPoseEstimator() {
        double[] model = GenericFaceModel.points(GenericFaceModel.Expression.NEUTRAL);
        try (DoubleIndexer o = object.createIndexer(); DoubleIndexer d = dist.createIndexer()) {
            for (int i = 0; i < POINTS.length; i++) {
                for (int c = 0; c < 3; c++) {
                    o.put(i, 0, c, model[3 * POINTS[i] + c]);
                }
            }
            for (int i = 0; i < 4; i++) {
                d.put(i, 0, 0.0);
            }
        }
    }

    /**
     * Estimates {yaw, pitch, roll} in radians for landmarks in an image of the given size, or null
     * when the solver fails.
     */
    public double[] estimate(FaceLandmarks lm, int width, int height) {
        double f = Math.max(width, height);
        try (DoubleIndexer im = image.createIndexer(); DoubleIndexer k = camera.createIndexer()) {
            for (int i = 0; i < POINTS.length; i++) {
                im.put(i, 0, 0, lm.x(POINTS[i]));
                im.put(i, 0, 1, lm.y(POINTS[i]));
            }
            double[] kv = {f, 0, width / 2.0, 0, f, height / 2.0, 0, 0, 1};
            for (int i = 0; i < 9; i++) {
                k.put(i / 3, i % 3, kv[i]);
            }
        }
        // start from an upright face at the distance its eye spacing implies (60 mm between the eye
        // centres of the generic model), rolled like the eye line: the iterative solver then settles in
        // the right minimum instead of a flipped pose
        double rx = 0;
        double ry = 0;
        double lx = 0;
        double ly = 0;
        for (int i = 0; i < 6; i++) {
            rx += lm.x(36 + i) / 6;
            ry += lm.y(36 + i) / 6;
            lx += lm.x(42 + i) / 6;
            ly += lm.y(42 + i) / 6;
        }
        double iod = Math.max(1, Math.hypot(lx - rx, ly - ry));
        double z = f * 60 / iod;
        double rollGuess = Math.atan2(ly - ry, lx - rx);
        rvec.create(3, 1, CV_64F);
        tvec.create(3, 1, CV_64F);
        try (DoubleIndexer r = rvec.createIndexer(); DoubleIndexer t = tvec.createIndexer()) {
            r.put(0, 0, 0.0);
            r.put(1, 0, 0.0);
            r.put(2, 0, rollGuess);
            t.put(0, 0, ((rx + lx) / 2 - width / 2.0) * z / f);
            t.put(1, 0, ((ry + ly) / 2 - height / 2.0) * z / f + 40);
            t.put(2, 0, z);
        }
        boolean ok;
        try {
            ok = solvePnP(object, image, camera, dist, rvec, tvec, true, SOLVEPNP_ITERATIVE);
        } catch (RuntimeException e) {
            return null;
        }
        if (!ok) {
            return null;
        }
        Rodrigues(rvec, rot);
        double[] r = new double[9];
        try (DoubleIndexer ri = rot.createIndexer()) {
            for (int i = 0; i < 9; i++) {
                r[i] = ri.get(i / 3, i % 3);
            }
        }
        return angles(r);
    }

    /** {yaw, pitch, roll} of a rotation matrix in this class's convention. */
    static double[] angles(double[] r) {
        double a = Math.asin(Math.max(-1, Math.min(1, r[7])));
        double b = Math.atan2(-r[6], r[8]);
        double c = Math.atan2(-r[1], r[4]);
        return new double[] {-b, -a, c};
    }

    @Override
    public void close() {
        object.close();
        image.close();
        camera.close();
        dist.close();
        rvec.close();
        tvec.close();
        rot.close();
    }
}
