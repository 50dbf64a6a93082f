package org.mer4j.vision.pipeline;

import org.bytedeco.opencv.opencv_core.Mat;
import org.mer4j.vision.face.ExpressionOutput;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.FaceLandmarks;

/**
 * What the pipeline saw in one frame. The object and its crop are reused: they are valid until
 * the next {@link FaceFramePipeline#process} call (with {@code face.featureThread}, until the
 * {@code FEATURE_FRAMES_IN_FLIGHT + 1}-th next call), so copy what you keep.
 */
public final class FaceObservation {
    int frameIndex = -1;
    double time;
    int frameWidth;
    int frameHeight;
    boolean present;
    boolean detected;
    NoFaceReason reason;
    FaceDetection box;
    FaceLandmarks landmarks;
    /** The frame as RGB when the landmark model ran on it (null otherwise); released with the frame. */
    org.mer4j.vision.face.RgbImage frameRgb;
    double[] alignedLandmarks;
    Similarity2D toCrop;
    final Mat crop = new Mat();
    private ExpressionOutput expression;
    private boolean expressionDone;
    private FaceFramePipeline owner;

    FaceObservation(FaceFramePipeline owner) {
        this.owner = owner;
    }

    void reset(int index, double t, int w, int h) {
        frameIndex = index;
        time = t;
        frameWidth = w;
        frameHeight = h;
        present = false;
        detected = false;
        reason = null;
        box = null;
        landmarks = null;
        frameRgb = null;
        alignedLandmarks = null;
        toCrop = null;
        expression = null;
        expressionDone = false;
    }

    /** Index of the frame among those delivered for the clip. */
    public int frameIndex() {
        return frameIndex;
    }

    /** Presentation time in seconds. */
    public double time() {
        return time;
    }

    public int frameWidth() {
        return frameWidth;
    }

    public int frameHeight() {
        return frameHeight;
    }

    /** Whether the main face is known in this frame (the track mask). */
    public boolean present() {
        return present;
    }

    /** Whether the box came from the detector on this frame (rather than the tracker). */
    public boolean detected() {
        return detected;
    }

    /** Why there is no face, or null when there is one. */
    public NoFaceReason reason() {
        return reason;
    }

    /** The main face box in frame pixels, or null. */
    public FaceDetection box() {
        return box;
    }

    /** The 68 landmarks in frame pixels, or null (no landmark model, or no face). */
    public FaceLandmarks landmarks() {
        return landmarks;
    }

    /** The 68 landmarks in aligned-crop pixels (136 values), or null. */
    public double[] alignedLandmarks() {
        return alignedLandmarks;
    }

    /** The frame-to-crop similarity, or null. */
    public Similarity2D toCrop() {
        return toCrop;
    }

    /** The aligned BGR crop ({@code cropSize x cropSize}); meaningful only when {@link #present()}. */
    public Mat crop() {
        return crop;
    }

    /**
     * The expression model's output, computed on first request and shared by every extractor
     * reading this frame; null when no face or no expression model. With landmarks it classifies
     * the crop the face-api chain uses (the landmarks' box grown by 20%), which the net was trained
     * on; otherwise the aligned crop.
     */
    public ExpressionOutput expression() {
        if (!expressionDone) {
            expressionDone = true;
            expression = present ? owner.classifyExpression(this) : null;
        }
        return expression;
    }

    void close() {
        crop.close();
        owner = null;
    }
}
