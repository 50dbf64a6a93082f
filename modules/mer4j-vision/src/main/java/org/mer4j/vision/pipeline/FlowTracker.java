package org.mer4j.vision.pipeline;

import static org.bytedeco.opencv.global.opencv_imgproc.goodFeaturesToTrack;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowPyrLK;

import java.util.Arrays;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;
import org.mer4j.vision.face.FaceDetection;

/**
 * Carries a face box from one gray frame to the next with sparse optical flow: up to
 * {@code maxPoints} Shi-Tomasi corners (Shi and Tomasi, "Good features to track", CVPR 1994)
 * inside the inner part of the box are followed with pyramidal Lucas-Kanade (Lucas and Kanade
 * 1981; Bouguet's pyramidal implementation in OpenCV), checked forward-backward (Kalal et al.,
 * "Forward-backward error", ICPR 2010), and the box is moved by the median displacement and scaled
 * by the median ratio of point-pair distances (the median-flow idea). The track is lost when fewer
 * than {@code minPoints} points survive or the box leaves the frame. Not thread-safe; holds native
 * buffers: close it.
 */
public final class FlowTracker implements AutoCloseable {
    private final int maxPoints;
    private final int minPoints;
    private final double maxForwardBackwardError;
    private final Mat corners = new Mat();
    private final Mat next = new Mat();
    private final Mat back = new Mat();
    private final Mat status = new Mat();
    private final Mat statusBack = new Mat();
    private final Mat err = new Mat();
    private final Size window = new Size(15, 15);
    private final TermCriteria criteria = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 20, 0.03);

    /** 40 points, at least 6 kept, forward-backward error at most 1 pixel. */
    public FlowTracker() {
        this(40, 6, 1.0);
    }

    public FlowTracker(int maxPoints, int minPoints, double maxForwardBackwardError) {
        if (minPoints < 2 || maxPoints < minPoints) {
            throw new IllegalArgumentException("flow tracker needs 2 <= minPoints <= maxPoints, got " + minPoints + ", " + maxPoints);
        }
        this.maxPoints = maxPoints;
        this.minPoints = minPoints;
        this.maxForwardBackwardError = maxForwardBackwardError;
    }

    /**
     * The box in {@code gray}, following {@code box} from {@code prevGray} (both 8-bit gray of the
     * same size, box in their pixel coordinates), or null when the track is lost.
     */
    public FaceDetection track(Mat prevGray, Mat gray, FaceDetection box) {
        int w = prevGray.cols();
        int h = prevGray.rows();
        // corners from the inner 70% of the box (less background at the edges)
        int x0 = clamp((int) Math.round(box.x() + 0.15 * box.width()), 0, w - 1);
        int y0 = clamp((int) Math.round(box.y() + 0.15 * box.height()), 0, h - 1);
        int x1 = clamp((int) Math.round(box.x() + 0.85 * box.width()), x0 + 1, w);
        int y1 = clamp((int) Math.round(box.y() + 0.85 * box.height()), y0 + 1, h);
        if (x1 - x0 < 8 || y1 - y0 < 8) {
            return null;
        }
        double minDist = Math.max(2, Math.min(x1 - x0, y1 - y0) / 10.0);
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = new Mat(prevGray, r)) {
            goodFeaturesToTrack(roi, corners, maxPoints, 0.01, minDist);
        }
        int n = corners.rows() * corners.cols();
        if (n < minPoints) {
            return null;
        }
        try (FloatIndexer c = corners.createIndexer()) {
            for (int i = 0; i < n; i++) {
                c.put(i, 0, 0, c.get(i, 0, 0) + x0);
                c.put(i, 0, 1, c.get(i, 0, 1) + y0);
            }
        }
        calcOpticalFlowPyrLK(prevGray, gray, corners, next, status, err, window, 2, criteria, 0, 1e-4);
        calcOpticalFlowPyrLK(gray, prevGray, next, back, statusBack, err, window, 2, criteria, 0, 1e-4);
        float[] px = new float[n];
        float[] py = new float[n];
        float[] qx = new float[n];
        float[] qy = new float[n];
        int kept = 0;
        try (FloatIndexer c = corners.createIndexer(); FloatIndexer nx = next.createIndexer(); FloatIndexer bk = back.createIndexer();
             UByteIndexer st = status.createIndexer(); UByteIndexer sb = statusBack.createIndexer()) {
            for (int i = 0; i < n; i++) {
                if (st.get(i) == 0 || sb.get(i) == 0) {
                    continue;
                }
                float ax = c.get(i, 0, 0);
                float ay = c.get(i, 0, 1);
                double fb = Math.hypot(bk.get(i, 0, 0) - ax, bk.get(i, 0, 1) - ay);
                if (!(fb <= maxForwardBackwardError)) {
                    continue;
                }
                px[kept] = ax;
                py[kept] = ay;
                qx[kept] = nx.get(i, 0, 0);
                qy[kept] = nx.get(i, 0, 1);
                kept++;
            }
        }
        if (kept < minPoints) {
            return null;
        }
        double[] dx = new double[kept];
        double[] dy = new double[kept];
        for (int i = 0; i < kept; i++) {
            dx[i] = qx[i] - px[i];
            dy[i] = qy[i] - py[i];
        }
        double mx = median(dx, kept);
        double my = median(dy, kept);
        double[] ratios = new double[kept];
        int nr = 0;
        for (int i = 0; i < kept; i++) {
            int j = (i + kept / 2) % kept;
            double d0 = Math.hypot(px[i] - px[j], py[i] - py[j]);
            if (d0 > 2) {
                ratios[nr++] = Math.hypot(qx[i] - qx[j], qy[i] - qy[j]) / d0;
            }
        }
        double scale = nr == 0 ? 1 : Math.min(1.2, Math.max(1 / 1.2, median(ratios, nr)));
        double cx = box.centerX() + mx;
        double cy = box.centerY() + my;
        double bw = box.width() * scale;
        double bh = box.height() * scale;
        if (cx < 0 || cy < 0 || cx >= w || cy >= h) {
            return null;
        }
        return new FaceDetection(cx - bw / 2, cy - bh / 2, bw, bh, box.score());
    }

    private static double median(double[] v, int n) {
        double[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public void close() {
        corners.close();
        next.close();
        back.close();
        status.close();
        statusBack.close();
        err.close();
        window.close();
        criteria.close();
    }
}
