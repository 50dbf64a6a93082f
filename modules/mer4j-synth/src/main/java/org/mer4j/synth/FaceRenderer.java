package org.mer4j.synth;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;

import java.nio.IntBuffer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws a frontal cartoon face with OpenCV primitives: gradient background, shoulders, hair, a
 * skin-tone head ellipse, shaded eye sockets with eyes, eyebrows, nose shading and a mouth curve,
 * then a Gaussian blur for smooth shading. The layout keeps the luminance pattern that Viola-Jones
 * Haar cascades key on (dark brow/eye band above lighter cheeks, lighter nose bridge between the
 * eyes, darker mouth line), so the face is found by {@code haarcascade_frontalface_alt2}.
 *
 * <p>Face-local coordinates: x in head half-widths, y in head half-heights, origin at the head
 * centre, y pointing down. Holds a native background image: close it.
 */
public final class FaceRenderer implements AutoCloseable {
    private static final int SHIFT = 4;
    private static final double ONE = 1 << SHIFT;

    private final int width;
    private final int height;
    private final SubjectProfile subject;
    private final Mat background;
    // per-frame transform
    private double cx;
    private double cy;
    private double hw;
    private double hh;
    private double cos;
    private double sin;
    private double roll;

    /** A renderer for frames of {@code width} x {@code height} showing {@code subject}. */
    public FaceRenderer(int width, int height, SubjectProfile subject) {
        if (width < 64 || height < 64) {
            throw new IllegalArgumentException("face frames need at least 64x64 pixels, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.subject = subject;
        this.background = new Mat(height, width, CV_8UC3);
        for (int y = 0; y < height; y++) {
            BgrColor c = subject.backgroundTop().mix(subject.backgroundBottom(), y / (double) (height - 1));
            try (Rect row = new Rect(0, y, width, 1); Mat r = new Mat(background, row); Scalar s = scalar(c)) {
                r.put(s);
            }
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Renders one frame into {@code out} (reallocated to {@code height x width}, 8UC3 BGR if needed). */
    public void render(Mat out, FaceParams p, HeadPose pose) {
        background.copyTo(out);
        hh = 0.29 * height * pose.scale();
        hw = hh * subject.headWidthRatio();
        cx = width * (0.5 + pose.dx());
        cy = height * (0.47 + pose.dy());
        roll = pose.rollDegrees();
        cos = Math.cos(Math.toRadians(roll));
        sin = Math.sin(Math.toRadians(roll));

        BgrColor skin = subject.skin();
        BgrColor hair = subject.hair();
        BgrColor shade = skin.scaled(0.72).mix(hair, 0.1);

        // shoulders and neck
        ellipse(out, 0, 2.05, 2.3, 0.75, 0, 360, subject.clothes());
        polygon(out, new double[] {-0.42, 0.6, 0.42, 0.6, 0.48, 1.45, -0.48, 1.45}, skin.scaled(0.8));
        // hair behind the head, ears
        ellipse(out, 0, -0.12, 1.12, 1.02, 180, 360, hair);
        ellipse(out, 0, -0.12, 1.12, 0.55, 0, 180, hair);
        ellipse(out, -1.0, 0.02, 0.13, 0.2, 0, 360, skin.scaled(0.85));
        ellipse(out, 1.0, 0.02, 0.13, 0.2, 0, 360, skin.scaled(0.85));
        // head with a slightly darker rim (3-D shading)
        ellipse(out, 0, 0, 1.0, 1.0, 0, 360, skin.scaled(0.88));
        ellipse(out, 0, -0.02, 0.9, 0.94, 0, 360, skin);
        // fringe
        ellipse(out, 0, -0.78, 0.98, 0.34, 180, 360, hair);
        ellipse(out, 0, -0.78, 0.98, 0.16, 0, 180, hair);
        // nose bridge highlight and cheeks
        ellipse(out, 0, 0.02, 0.11, 0.3, 0, 360, skin.scaled(1.1));
        double cheek = p.cheekRaise();
        BgrColor cheekColour = skin.scaled(1.06).mix(new BgrColor(120, 130, 220), 0.12 * cheek);
        ellipse(out, -0.46, 0.24 - 0.05 * cheek, 0.22, 0.14 + 0.03 * cheek, 0, 360, cheekColour);
        ellipse(out, 0.46, 0.24 - 0.05 * cheek, 0.22, 0.14 + 0.03 * cheek, 0, 360, cheekColour);

        double ex = subject.eyeSpacing();
        for (int side = -1; side <= 1; side += 2) {
            drawEye(out, side, side * ex, p, shade, hair);
        }
        drawNose(out, skin);
        drawMouth(out, p, skin);
        try (Size k = new Size(5, 5)) {
            opencv_imgproc.GaussianBlur(out, out, k, 1.1);
        }
    }

    private void drawEye(Mat out, int side, double x, FaceParams p, BgrColor shade, BgrColor hair) {
        double eyeY = -0.1;
        // shaded socket (the dark band Haar features expect)
        ellipse(out, x, eyeY - 0.02, 0.27, 0.13, 0, 360, shade);
        double open = Math.max(0, Math.min(1.3, p.eyeOpen()));
        double eh = 0.065 * open;
        if (eh > 0.012) {
            ellipse(out, x, eyeY, 0.17, eh, 0, 360, new BgrColor(200, 205, 210));
            double irisY = eyeY + 0.035 * p.gazeDown();
            double r = Math.min(0.068, eh + 0.005);
            ellipse(out, x, irisY, 0.075, r, 0, 360, new BgrColor(45, 50, 60));
            ellipse(out, x, irisY, 0.035, Math.min(0.035, r), 0, 360, new BgrColor(15, 15, 15));
        }
        // upper lid line, drawn lower when the eye closes
        line(out, x - 0.19, eyeY - eh * 0.6, x + 0.19, eyeY - eh * 0.6, 0.025, shade.scaled(0.55));
        // eyebrow: inner end at x*0.4, outer end at x*1.6
        double base = -0.3 + 0.07 * p.browRaise();
        double innerX = x * (0.42 + 0.08 * Math.min(0, p.browInner()));
        double innerY = base - 0.07 * p.browInner();
        double outerX = x * 1.55;
        double outerY = base + 0.01 + 0.02 * p.browInner();
        double midX = (innerX + outerX) / 2;
        double midY = Math.min(innerY, outerY) - 0.035;
        polyline(out, new double[] {innerX, innerY, midX, midY, outerX, outerY}, 0.055, hair);
    }

    private void drawNose(Mat out, BgrColor skin) {
        BgrColor dark = skin.scaled(0.62);
        ellipse(out, -0.1, 0.27, 0.05, 0.03, 0, 360, dark);
        ellipse(out, 0.1, 0.27, 0.05, 0.03, 0, 360, dark);
        polyline(out, new double[] {-0.14, 0.22, -0.07, 0.3, 0.07, 0.3, 0.14, 0.22}, 0.02, skin.scaled(0.78));
    }

    private void drawMouth(Mat out, FaceParams p, BgrColor skin) {
        double y = 0.52;
        double half = 0.3 * p.mouthWidth();
        double corner = -0.1 * p.smile();       // smile raises the corners (negative y is up)
        double open = 0.16 * Math.max(0, p.mouthOpen());
        int n = 9;
        double[] upper = new double[2 * n];
        double[] lower = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t = -1 + 2.0 * i / (n - 1);
            double bow = 1 - t * t;                 // 1 in the middle, 0 at the corners
            double yu = y + corner * (1 - bow) - 0.02 * bow * p.smile();
            upper[2 * i] = half * t;
            upper[2 * i + 1] = yu;
            lower[2 * i] = half * t;
            lower[2 * i + 1] = yu + open * bow;
        }
        BgrColor lip = skin.scaled(0.7).mix(new BgrColor(70, 60, 160), 0.3);
        if (open > 0.01) {
            double[] ring = new double[4 * n];
            System.arraycopy(upper, 0, ring, 0, 2 * n);
            for (int i = 0; i < n; i++) {
                ring[2 * n + 2 * i] = lower[2 * (n - 1 - i)];
                ring[2 * n + 2 * i + 1] = lower[2 * (n - 1 - i) + 1];
            }
            polygon(out, ring, new BgrColor(35, 30, 70));
            polyline(out, lower, 0.035, lip);
        }
        polyline(out, upper, 0.04, lip.scaled(0.8));
    }

    // ---- primitives in face-local coordinates -------------------------------------------------

    private double px(double x, double y) {
        return cx + cos * x * hw - sin * y * hh;
    }

    private double py(double x, double y) {
        return cy + sin * x * hw + cos * y * hh;
    }

    private void ellipse(Mat out, double x, double y, double ax, double ay, double from, double to, BgrColor c) {
        try (Point centre = new Point((int) Math.round(px(x, y) * ONE), (int) Math.round(py(x, y) * ONE));
             Size axes = new Size((int) Math.round(ax * hw * ONE), (int) Math.round(ay * hh * ONE));
             Scalar s = scalar(c)) {
            opencv_imgproc.ellipse(out, centre, axes, roll, from, to, s, -1, LINE_AA, SHIFT);
        }
    }

    private void line(Mat out, double x0, double y0, double x1, double y1, double thick, BgrColor c) {
        polyline(out, new double[] {x0, y0, x1, y1}, thick, c);
    }

    private void polyline(Mat out, double[] xy, double thick, BgrColor c) {
        try (Mat pts = points(xy); MatVector v = new MatVector(pts); Scalar s = scalar(c)) {
            int t = Math.max(1, (int) Math.round(thick * hh));
            opencv_imgproc.polylines(out, v, false, s, t, LINE_AA, SHIFT);
        }
    }

    private void polygon(Mat out, double[] xy, BgrColor c) {
        try (Mat pts = points(xy); MatVector v = new MatVector(pts); Scalar s = scalar(c); Point zero = new Point(0, 0)) {
            opencv_imgproc.fillPoly(out, v, s, LINE_AA, SHIFT, zero);
        }
    }

    private Mat points(double[] xy) {
        int n = xy.length / 2;
        Mat pts = new Mat(n, 1, CV_32SC2);
        IntBuffer buf = pts.createBuffer();
        for (int i = 0; i < n; i++) {
            buf.put(2 * i, (int) Math.round(px(xy[2 * i], xy[2 * i + 1]) * ONE));
            buf.put(2 * i + 1, (int) Math.round(py(xy[2 * i], xy[2 * i + 1]) * ONE));
        }
        return pts;
    }

    private static Scalar scalar(BgrColor c) {
        return new Scalar(c.b(), c.g(), c.r(), 0);
    }

    @Override
    public void close() {
        background.close();
    }
}
