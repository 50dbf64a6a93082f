package org.mer4j.vision.pipeline;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.mer4j.api.VideoFrame;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.FaceDetector;
import org.mer4j.vision.face.FaceLandmarks;
import org.mer4j.vision.face.LandmarkModel;
import org.mer4j.vision.face.RgbImage;

/** Rendered test frames and fake face models. */
public final class Scenes {
    private Scenes() {
    }

    /** A uniform frame. */
    public static VideoFrame uniform(int index, int w, int h, int value) {
        byte[] b = new byte[w * h * 3];
        java.util.Arrays.fill(b, (byte) value);
        return new VideoFrame(index / 25.0, index, w, h, b);
    }

    /**
     * A face-like blob with a fixed seeded texture (spots) centred at (cx, cy) with radius r on a
     * plain background: corners to track move with the face.
     */
    public static VideoFrame texturedFace(int index, int w, int h, double cx, double cy, double r, long seed) {
        try (Mat m = new Mat(h, w, CV_8UC3, new Scalar(110, 110, 110, 0))) {
            ellipse(m, pt(cx, cy), new Size((int) r, (int) (r * 1.2)), 0, 0, 360, new Scalar(150, 170, 210, 0), -1, LINE_AA, 0);
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < 60; i++) {
                double a = rnd.nextDouble() * 2 * Math.PI;
                double d = Math.sqrt(rnd.nextDouble()) * 0.9 * r;
                int v = rnd.nextBoolean() ? 40 : 235;
                circle(m, pt(cx + d * Math.cos(a), cy + 1.2 * d * Math.sin(a)), 2 + rnd.nextInt(4), new Scalar(v, v, v, 0), -1, LINE_AA, 0);
            }
            return toFrame(m, index);
        }
    }

    /**
     * A frontal cartoon face for the Haar cascade: bright head, dark brow/eye bands, light nose
     * bridge between the eyes, darker cheeks-to-mouth band, all blurred.
     */
    public static VideoFrame cartoonFace(int w, int h, double cx, double cy, double s) {
        try (Mat m = new Mat(h, w, CV_8UC3, new Scalar(70, 80, 90, 0))) {
            ellipse(m, pt(cx, cy), new Size((int) (s * 0.8), (int) (s)), 0, 0, 360, new Scalar(150, 175, 215, 0), -1, LINE_AA, 0);
            for (int side = -1; side <= 1; side += 2) {
                double ex = cx + side * 0.33 * s;
                double ey = cy - 0.15 * s;
                ellipse(m, pt(ex, ey - 0.17 * s), new Size((int) (0.2 * s), (int) (0.05 * s)), 0, 0, 360, new Scalar(40, 50, 60, 0), -1, LINE_AA, 0);
                ellipse(m, pt(ex, ey), new Size((int) (0.18 * s), (int) (0.09 * s)), 0, 0, 360, new Scalar(90, 105, 130, 0), -1, LINE_AA, 0);
                ellipse(m, pt(ex, ey), new Size((int) (0.12 * s), (int) (0.06 * s)), 0, 0, 360, new Scalar(235, 235, 235, 0), -1, LINE_AA, 0);
                circle(m, pt(ex, ey), (int) (0.05 * s), new Scalar(30, 30, 30, 0), -1, LINE_AA, 0);
            }
            ellipse(m, pt(cx, cy), new Size((int) (0.09 * s), (int) (0.3 * s)), 0, 0, 360, new Scalar(175, 200, 235, 0), -1, LINE_AA, 0);
            ellipse(m, pt(cx, cy + 0.22 * s), new Size((int) (0.12 * s), (int) (0.05 * s)), 0, 0, 360, new Scalar(100, 115, 150, 0), -1, LINE_AA, 0);
            ellipse(m, pt(cx, cy + 0.5 * s), new Size((int) (0.28 * s), (int) (0.07 * s)), 0, 0, 360, new Scalar(60, 60, 120, 0), -1, LINE_AA, 0);
            int k = ((int) (s / 20)) | 1;
            GaussianBlur(m, m, new Size(k, k), 0);
            return toFrame(m, 0);
        }
    }

    private static Point pt(double x, double y) {
        return new Point((int) Math.round(x), (int) Math.round(y));
    }

    public static VideoFrame toFrame(Mat m, int index) {
        byte[] b = new byte[m.rows() * m.cols() * 3];
        m.data().get(b);
        return new VideoFrame(index / 25.0, index, m.cols(), m.rows(), b);
    }

    /** A detector answering the boxes set by the test, given in full-frame pixels of a frame {@code frameWidth} wide. */
    public static final class ScriptedDetector implements FaceDetector {
        final int frameWidth;
        public List<FaceDetection> next = List.of();
        public int calls;

        public ScriptedDetector(int frameWidth) {
            this.frameWidth = frameWidth;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public List<FaceDetection> detect(RgbImage image) {
            calls++;
            double s = image.width() / (double) frameWidth;
            List<FaceDetection> out = new ArrayList<>();
            for (FaceDetection d : next) {
                out.add(new FaceDetection(d.x() * s, d.y() * s, d.width() * s, d.height() * s, d.score()));
            }
            return out;
        }
    }

    /** Landmarks of the generic face with a given expression, fitted into the box it is asked about. */
    public static final class SyntheticLandmarkModel implements LandmarkModel {
        public GenericFaceModel.Expression expression = GenericFaceModel.Expression.NEUTRAL;
        double yaw;

        @Override
        public FaceLandmarks locate(RgbImage image, FaceDetection face) {
            // the generic face spans about 140 mm wide: map it onto the box
            double f = 1000;
            FaceLandmarks lm = GenericFaceModel.project(expression, yaw, 0, 0, f, 0, 0, 600);
            double scale = face.width() / (140 * f / 600);
            double[] xy = lm.xy().clone();
            for (int i = 0; i < xy.length; i += 2) {
                xy[i] = face.centerX() + scale * xy[i];
                xy[i + 1] = face.centerY() + scale * (xy[i + 1] + 10 * f / 600);
            }
            return new FaceLandmarks(xy);
        }
    }
}
