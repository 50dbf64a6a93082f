package org.mer4j.synth;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;

import java.io.File;
import java.io.IOException;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/** Test helper: OpenCV's frontal-face alt2 Haar cascade with the settings the vision module uses. */
final class RawHaarDetector implements AutoCloseable {
    private final CascadeClassifier cascade;

    RawHaarDetector() throws IOException {
        File xml = Loader.cacheResource("/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml");
        cascade = new CascadeClassifier(xml.getAbsolutePath());
        if (cascade.empty()) {
            throw new IOException("cannot load Haar cascade from " + xml);
        }
    }

    /** Number of faces found in a BGR frame. */
    int count(Mat bgr) {
        try (Mat gray = new Mat(); RectVector faces = new RectVector();
             Size min = new Size((int) (bgr.rows() * 0.2), (int) (bgr.rows() * 0.2)); Size max = new Size()) {
            opencv_imgproc.cvtColor(bgr, gray, COLOR_BGR2GRAY);
            opencv_imgproc.equalizeHist(gray, gray);
            cascade.detectMultiScale(gray, faces, 1.1, 3, 0, min, max);
            return (int) faces.size();
        }
    }

    @Override
    public void close() {
        cascade.close();
    }
}
