package org.mer4j.vision.pipeline;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.FaceDetector;

/**
 * A {@link FaceDetector} that can also take an OpenCV matrix directly, sparing the RGB copy: BGR
 * (8UC3), or gray (8UC1) when {@link #acceptsGray()}.
 */
public interface BgrFaceDetector extends FaceDetector {
    /** All faces in the 8UC3 BGR (or 8UC1 gray, see {@link #acceptsGray()}) image, best first. */
    List<FaceDetection> detect(Mat bgr);

    /**
     * Faces whose side is about {@code minSide} to {@code maxSide} pixels; detectors that scan scales
     * use the range to scan fewer (the default ignores it).
     */
    default List<FaceDetection> detect(Mat image, double minSide, double maxSide) {
        return detect(image);
    }

    /** Whether {@link #detect(Mat)} works on a gray image as well (then the pipeline skips a colour resize). */
    default boolean acceptsGray() {
        return false;
    }
}
