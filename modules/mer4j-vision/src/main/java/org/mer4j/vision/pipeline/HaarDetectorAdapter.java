package org.mer4j.vision.pipeline;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.mer4j.vision.FaceBox;
import org.mer4j.vision.HaarFaceConfig;
import org.mer4j.vision.HaarFaceDetector;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.RgbImage;

/**
 * The OpenCV Haar cascade (Viola and Jones 2001) as a {@link org.mer4j.vision.face.FaceDetector}:
 * every face found, largest first, each with score 1 (the cascade gives no calibrated confidence).
 * The fallback detector when the face-api weights are not installed. Not thread-safe; close it.
 */
public final class HaarDetectorAdapter implements BgrFaceDetector {
    private final HaarFaceDetector haar;

    public HaarDetectorAdapter(HaarFaceConfig config) {
        this.haar = new HaarFaceDetector(config);
    }

    @Override
    public String name() {
        return "haar";
    }

    @Override
    public List<FaceDetection> detect(RgbImage image) {
        try (Mat px = new Mat(image.height(), image.width(), CV_8UC3); Mat bgr = new Mat()) {
            px.data().put(image.rgb(), 0, image.rgb().length);
            if (image.bgr()) {
                return detect(px);
            }
            cvtColor(px, bgr, COLOR_RGB2BGR);
            return detect(bgr);
        }
    }

    @Override
    public List<FaceDetection> detect(Mat bgr) {
        List<FaceDetection> out = new ArrayList<>();
        for (FaceBox b : haar.detectAll(bgr)) {
            out.add(new FaceDetection(b.x(), b.y(), b.width(), b.height(), 1.0));
        }
        return out;
    }

    @Override
    public List<FaceDetection> detect(Mat image, double minSide, double maxSide) {
        List<FaceDetection> out = new ArrayList<>();
        for (FaceBox b : haar.detectAll(image, (int) Math.floor(minSide), (int) Math.ceil(maxSide))) {
            out.add(new FaceDetection(b.x(), b.y(), b.width(), b.height(), 1.0));
        }
        return out;
    }

    @Override
    public boolean acceptsGray() {
        return true;
    }

    @Override
    public void close() {
        haar.close();
    }
}
