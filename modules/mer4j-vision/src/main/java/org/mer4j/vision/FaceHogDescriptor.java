package org.mer4j.vision;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The {@code face-hog} row of one face: a histogram of oriented gradients (Dalal and Triggs,
 * "Histograms of oriented gradients for human detection", CVPR 2005; OpenCV's HOGDescriptor with
 * L2-Hys block normalisation) of the square gray crop around the face, followed by the face box
 * geometry relative to the frame: centre x / width, centre y / height, box width / frame width, box
 * height / frame height. Owns native state: close it.
 */
public final class FaceHogDescriptor implements AutoCloseable {
    /** Number of geometric values appended after the HOG. */
    public static final int GEOMETRY_DIM = 4;

    private final FaceHogConfig cfg;
    private final HOGDescriptor hog;
    private final FloatPointer output;

    public FaceHogDescriptor(FaceHogConfig cfg) {
        this.cfg = cfg;
        int c = cfg.cellSize();
        try (Size win = new Size(cfg.cropSize(), cfg.cropSize()); Size block = new Size(2 * c, 2 * c);
             Size stride = new Size(c, c); Size cell = new Size(c, c)) {
            this.hog = new HOGDescriptor(win, block, stride, cell, cfg.bins());
        }
        if (hog.getDescriptorSize() != cfg.hogDim()) {
            hog.close();
            throw new IllegalStateException("OpenCV HOG gives " + hog.getDescriptorSize() + " values, expected " + cfg.hogDim());
        }
        this.output = new FloatPointer(cfg.hogDim());
    }

    /** The crop rectangle: the box grown by the margin, clipped to the frame. */
    public Rect cropRect(FaceBox box, int frameWidth, int frameHeight) {
        int mx = (int) Math.round(box.width() * cfg.margin());
        int my = (int) Math.round(box.height() * cfg.margin());
        int x0 = Math.max(0, box.x() - mx);
        int y0 = Math.max(0, box.y() - my);
        int x1 = Math.min(frameWidth, box.x() + box.width() + mx);
        int y1 = Math.min(frameHeight, box.y() + box.height() + my);
        return new Rect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    /**
     * Writes the row for {@code box} in the BGR frame into {@code row} ({@link FaceHogConfig#dim()} values).
     */
    public void describe(Mat bgrFrame, FaceBox box, float[] row) {
        try (Rect r = cropRect(box, bgrFrame.cols(), bgrFrame.rows());
             Mat roi = new Mat(bgrFrame, r);
             Mat gray = new Mat();
             Mat small = new Mat();
             Size target = new Size(cfg.cropSize(), cfg.cropSize())) {
            cvtColor(roi, gray, COLOR_BGR2GRAY);
            resize(gray, small, target, 0, 0, INTER_AREA);
            hog.compute(small, output);
            int n = cfg.hogDim();
            if (output.limit() - output.position() < n) {
                throw new IllegalStateException("OpenCV HOG returned " + (output.limit() - output.position()) + " values, expected " + n);
            }
            output.get(row, 0, n);
            double w = bgrFrame.cols();
            double h = bgrFrame.rows();
            row[n] = (float) (box.centerX() / w);
            row[n + 1] = (float) (box.centerY() / h);
            row[n + 2] = (float) (box.width() / w);
            row[n + 3] = (float) (box.height() / h);
        }
    }

    @Override
    public void close() {
        output.close();
        hog.close();
    }
}
