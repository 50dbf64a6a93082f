package org.mer4j.vision;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.mer4j.api.VideoFrame;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

/**
 * Finds the largest frontal face in a frame with an OpenCV Haar cascade (Viola and Jones, "Rapid
 * object detection using a boosted cascade of simple features", CVPR 2001; Lienhart and Maydt 2002
 * for the extended feature set of the {@code alt2} cascade). The frame is converted to grayscale
 * and histogram-equalised before the multi-scale scan.
 *
 * <p>The cascade file is read from the opencv jar through JavaCPP's resource cache, so nothing is
 * downloaded. Not thread-safe: one detector per thread. Close it to free the native classifier.
 */
public final class HaarFaceDetector implements AutoCloseable {
    private static final String CASCADE_RESOURCE_DIR = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/";

    private final HaarFaceConfig config;
    private static final Object LOAD_LOCK = new Object();

    private final CascadeClassifier classifier;

    /**
     * Loads the configured cascade.
     *
     * @throws IllegalStateException when the cascade cannot be found or parsed
     */
    public HaarFaceDetector(HaarFaceConfig cfg) {
        this.config = cfg == null ? HaarFaceConfig.defaults() : cfg;
        // one at a time: extraction threads that start together would otherwise extract the cascade file
        // into a fresh JavaCPP cache concurrently, and one could parse it half-written
        synchronized (LOAD_LOCK) {
            this.classifier = load(config);
        }
    }

    private static CascadeClassifier load(HaarFaceConfig config) {
        File file;
        try {
            file = Loader.cacheResource(CASCADE_RESOURCE_DIR + config.cascade());
        } catch (IOException e) {
            throw new UncheckedIOException("haar.cascade: cannot extract " + config.cascade()
                    + " from the opencv jar; check that org.bytedeco:opencv:" + "linux-x86_64 is on the classpath", e);
        }
        if (file == null) {
            throw new IllegalStateException("haar.cascade: " + config.cascade() + " is not in the opencv jar under "
                    + CASCADE_RESOURCE_DIR + "; use one of haarcascade_frontalface_alt2.xml, _alt.xml, _default.xml");
        }
        CascadeClassifier c = new CascadeClassifier();
        if (!c.load(file.getAbsolutePath())) {
            c.close();
            throw new IllegalStateException("haar.cascade: OpenCV could not parse " + file + "; delete the JavaCPP cache"
                    + " folder so it is extracted again");
        }
        if (c.empty()) {
            c.close();
            throw new IllegalStateException("haar.cascade: " + file + " loaded as an empty cascade; delete the JavaCPP cache"
                    + " folder so it is extracted again");
        }
        return c;
    }

    /** The detector's settings. */
    public HaarFaceConfig config() {
        return config;
    }

    /** The largest face in a packed-BGR frame, or empty when there is none. */
    public Optional<FaceBox> detect(VideoFrame frame) {
        try (Mat bgr = BgrMats.toMat(frame)) {
            return detect(bgr);
        }
    }

    /** The largest face in a BGR (8UC3) or gray (8UC1) image, or empty when there is none. */
    public Optional<FaceBox> detect(Mat image) {
        List<FaceBox> all = detectAll(image);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every face in a BGR (8UC3) or gray (8UC1) image, largest first (ties keep the cascade's order). */
    public List<FaceBox> detectAll(Mat image) {
        return detectAll(image, minSide(image), 0);
    }

    /** The smallest face side this detector looks for in {@code image}: {@code minSizeFraction} of its height, at least 1 pixel. */
    public int minSide(Mat image) {
        return Math.max(1, (int) Math.round(config.minSizeFraction() * image.rows()));
    }

    /**
     * Every face whose side is in [{@code minSide}, {@code maxSide}] pixels ({@code maxSide} 0 = no
     * upper bound), largest first. A narrow size range (e.g. around a tracked face) scans few scales.
     */
    public List<FaceBox> detectAll(Mat image, int minSide, int maxSide) {
        try (Mat gray = new Mat(); Mat equalised = new Mat(); RectVector faces = new RectVector()) {
            if (image.channels() == 3) {
                cvtColor(image, gray, COLOR_BGR2GRAY);
            } else {
                image.copyTo(gray);
            }
            equalizeHist(gray, equalised);
            try (Size minSize = new Size(Math.max(1, minSide), Math.max(1, minSide));
                 Size maxSize = maxSide > 0 ? new Size(maxSide, maxSide) : new Size()) {
                classifier.detectMultiScale(equalised, faces, config.scaleFactor(), config.minNeighbors(), 0, minSize, maxSize);
            }
            List<FaceBox> found = new ArrayList<>();
            for (long i = 0; i < faces.size(); i++) {
                Rect r = faces.get(i);
                found.add(new FaceBox(r.x(), r.y(), r.width(), r.height()));
            }
            found.sort(Comparator.comparingLong(FaceBox::area).reversed());
            return found;
        }
    }

    @Override
    public void close() {
        classifier.close();
    }
}
