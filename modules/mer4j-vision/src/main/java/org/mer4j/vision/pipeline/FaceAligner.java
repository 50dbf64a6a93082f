package org.mer4j.vision.pipeline;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.FaceLandmarks;

/**
 * Aligns faces to a canonical square crop with a least-squares similarity transform
 * ({@link Umeyama}, 1991) from five landmarks of the iBUG 68-point markup (the two eye centres,
 * the nose tip and the two mouth corners) to fixed positions, then resamples the frame with
 * OpenCV's {@code warpAffine} (bilinear, replicated border).
 *
 * <p>The canonical positions for a 112x112 crop are the five-point template widely used for
 * face recognition crops (Deng et al., "ArcFace", CVPR 2019): eyes at (38.29, 51.70) and
 * (73.53, 51.50), nose tip at (56.03, 71.74), mouth corners at (41.55, 92.37) and (70.73, 92.20);
 * other crop sizes scale them. "Left" in the template is the image's left, i.e. the subject's
 * right eye (points 36-41).
 *
 * <p>Without landmarks (Haar fallback) the crop is the detection box grown by a margin and
 * scaled onto the square: no rotation. Holds a native matrix: close it.
 */
public final class FaceAligner implements AutoCloseable {
    /** Template for a 112x112 crop: image-left eye, image-right eye, nose tip, image-left and image-right mouth corner. */
    private static final double[] TEMPLATE_112 = {
        38.2946, 51.6963, 73.5318, 51.5014, 56.0252, 71.7366, 41.5493, 92.3655, 70.7299, 92.2041};
    /** Weights of the five points: eyes count double, they fix rotation best. */
    private static final double[] WEIGHTS = {2, 2, 1, 1, 1};

    private final int size;
    private final boolean eyesOnly;
    private final double margin;
    private final double[] template;
    private final Mat affine = new Mat(2, 3, CV_64F);

    /**
     * @param size side of the square crop in pixels
     * @param eyesOnly align on the two eye centres alone (exact, 2 points) instead of all five
     * @param margin fallback crop margin around a detection box, as a fraction of its size per side
     */
    public FaceAligner(int size, boolean eyesOnly, double margin) {
        if (size < 16 || size > 1024) {
            throw new IllegalArgumentException("aligned crop size must be in [16, 1024] pixels, got " + size);
        }
        this.size = size;
        this.eyesOnly = eyesOnly;
        this.margin = margin;
        this.template = canonicalPoints(size);
    }

    /** The five canonical points (interleaved x, y) for a {@code size x size} crop. */
    public static double[] canonicalPoints(int size) {
        double[] t = new double[TEMPLATE_112.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = TEMPLATE_112[i] * size / 112.0;
        }
        return t;
    }

    /** Side of the crop. */
    public int size() {
        return size;
    }

    /** The five source points of a landmark set: eye centres (mean of 36-41 and 42-47), nose tip 30, mouth corners 48 and 54. */
    public static double[] fivePoints(FaceLandmarks lm) {
        double[] p = new double[10];
        for (int i = 36; i <= 41; i++) {
            p[0] += lm.x(i) / 6;
            p[1] += lm.y(i) / 6;
        }
        for (int i = 42; i <= 47; i++) {
            p[2] += lm.x(i) / 6;
            p[3] += lm.y(i) / 6;
        }
        p[4] = lm.x(30);
        p[5] = lm.y(30);
        p[6] = lm.x(48);
        p[7] = lm.y(48);
        p[8] = lm.x(54);
        p[9] = lm.y(54);
        return p;
    }

    /** The transform from frame coordinates to crop coordinates given the landmarks. */
    public Similarity2D fromLandmarks(FaceLandmarks lm) {
        double[] src = fivePoints(lm);
        if (eyesOnly) {
            return Umeyama.estimate(java.util.Arrays.copyOf(src, 4), java.util.Arrays.copyOf(template, 4));
        }
        return Umeyama.estimate(src, template, WEIGHTS);
    }

    /** The transform that maps the detection box (grown by the margin, made square about its centre) onto the crop. */
    public Similarity2D fromBox(FaceDetection box) {
        double side = Math.max(box.width(), box.height()) * (1 + 2 * margin);
        double s = size / side;
        double x0 = box.centerX() - side / 2;
        double y0 = box.centerY() - side / 2;
        return new Similarity2D(s, 0, -s * x0, -s * y0);
    }

    /** Warps the BGR frame into {@code crop} ({@code size x size}, reallocated if needed). */
    public void warp(Mat frame, Similarity2D toCrop, Mat crop) {
        double[] m = toCrop.toAffine();
        try (DoubleIndexer idx = affine.createIndexer()) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    idx.put(r, c, m[3 * r + c]);
                }
            }
        }
        try (Size dsize = new Size(size, size); Scalar border = new Scalar()) {
            warpAffine(frame, crop, affine, dsize, INTER_LINEAR, BORDER_REPLICATE, border);
        }
    }

    @Override
    public void close() {
        affine.close();
    }
}
