package org.mer4j.vision;

import org.bytedeco.opencv.opencv_core.Mat;
import org.mer4j.api.VideoFrame;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/** Conversions between mer4j's packed-BGR {@link VideoFrame} and OpenCV matrices. */
public final class BgrMats {
    private BgrMats() {
    }

    /** A new continuous 8UC3 matrix holding a copy of the frame's pixels; the caller closes it. */
    public static Mat toMat(VideoFrame frame) {
        Mat mat = new Mat(frame.height(), frame.width(), CV_8UC3);
        mat.data().put(frame.bgr(), 0, frame.bgr().length);
        return mat;
    }
}
