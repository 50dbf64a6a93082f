package org.mer4j.vision.pipeline;

import org.mer4j.vision.face.FaceLandmarks;

/**
 * A generic 3-D face with the 68 iBUG landmarks (Sagonas et al. 2013), in millimetres, built for
 * mer4j from rounded adult anthropometric proportions (inter-pupil distance about 60 mm, eye
 * corners 30 and 90 mm apart, nose tip 32 mm in front of the eye corners, chin 110 mm below the
 * eyes). Axes follow OpenCV's camera frame for a face looking into the camera: x to the image's
 * right, y down, z away from the camera (so the nose tip has negative z).
 *
 * <p>It serves two purposes: the object points for head-pose estimation with
 * {@link HeadPoseEstimator}, and a seeded-free synthetic landmark generator for tests (expression
 * deformations and a posed perspective projection), so geometry features can be checked without
 * any model. Not a statistical shape model: individual faces differ by several millimetres.
 */
public final class GenericFaceModel {
    private GenericFaceModel() {
    }

    /**
     * Expression deformations, all in millimetres (0 = neutral, closed mouth).
     *
     * @param mouthOpen jaw drop parting the lips (AU25/26)
     * @param smile lip corners pulled up and out (AU12)
     * @param mouthStretch lip corners pulled sideways (AU20)
     * @param browRaise whole brows raised (AU1 + AU2)
     * @param eyeOpen lids opened wider (positive, AU5) or narrowed (negative, AU7)
     */
    public record Expression(double mouthOpen, double smile, double mouthStretch, double browRaise, double eyeOpen) {
        /** The neutral face. */
        public static final Expression NEUTRAL = new Expression(0, 0, 0, 0, 0);
    }

    /** The 68 points (x, y, z interleaved, 204 values) of the face with {@code e}. */
    public static double[] points(Expression e) {
        double[] p = new double[68 * 3];
        // jaw 0-16: U from the right ear (image left) over the chin (8) to the left ear
        for (int i = 0; i <= 16; i++) {
            double phi = (i - 8) / 8.0 * Math.toRadians(90);
            double drop = e.mouthOpen() * Math.max(0, Math.cos(phi)) * 0.9;
            set(p, i, 70 * Math.sin(phi), -25 + 95 * Math.cos(phi) + drop, -5 + 75 * (1 - Math.cos(phi)));
        }
        // brows 17-21 (image left, outer to inner) and 22-26 (inner to outer)
        for (int k = 0; k < 5; k++) {
            double x = -58 + 11 * k;
            double y = -52 - 6 * Math.sin(Math.PI * k / 4) - e.browRaise();
            double z = 12 - 3.5 * k;
            set(p, 17 + k, x, y, z);
            set(p, 26 - k, -x, y, z);
        }
        // nose bridge 27-30, base 31-35
        set(p, 27, 0, -40, -8);
        set(p, 28, 0, -27, -16);
        set(p, 29, 0, -14, -24);
        set(p, 30, 0, 0, -32);
        double[] nx = {-14, -7, 0, 7, 14};
        double[] ny = {8, 10, 11, 10, 8};
        double[] nz = {-12, -16, -20, -16, -12};
        for (int k = 0; k < 5; k++) {
            set(p, 31 + k, nx[k], ny[k], nz[k]);
        }
        // eyes: 36-41 image-left eye (outer corner 36, inner 39), 42-47 image-right eye (inner 42, outer 45)
        double lid = 4 + e.eyeOpen();
        eye(p, 36, -45, -15, lid);
        eye(p, 42, 15, 45, lid);
        // outer lips 48-59, inner lips 60-67
        double cx = 25 + e.mouthStretch() + 0.4 * e.smile();
        double cy = 30 - e.smile();
        double open = Math.max(0, e.mouthOpen());
        set(p, 48, -cx, cy, -8);
        set(p, 49, -16, 25, -12);
        set(p, 50, -6, 23, -14);
        set(p, 51, 0, 24, -15);
        set(p, 52, 6, 23, -14);
        set(p, 53, 16, 25, -12);
        set(p, 54, cx, cy, -8);
        set(p, 55, 16, 36 + open, -12);
        set(p, 56, 7, 38 + open, -14);
        set(p, 57, 0, 39 + open, -15);
        set(p, 58, -7, 38 + open, -14);
        set(p, 59, -16, 36 + open, -12);
        set(p, 60, -(cx - 4), cy, -9);
        set(p, 61, -8, 30, -13);
        set(p, 62, 0, 30, -14);
        set(p, 63, 8, 30, -13);
        set(p, 64, cx - 4, cy, -9);
        set(p, 65, 8, 30 + open, -13);
        set(p, 66, 0, 30 + open, -14);
        set(p, 67, -8, 30 + open, -13);
        return p;
    }

    private static void eye(double[] p, int first, double xLeft, double xRight, double lid) {
        boolean imageLeftEye = first == 36;
        double outer = imageLeftEye ? xLeft : xRight;
        double inner = imageLeftEye ? xRight : xLeft;
        double a = outer + (inner - outer) / 3;
        double b = outer + 2 * (inner - outer) / 3;
        set(p, first, outer, -40, 8);
        set(p, first + 1, a, -40 - lid, 0);
        set(p, first + 2, b, -40 - lid, 0);
        set(p, first + 3, inner, -40, 2);
        set(p, first + 4, b, -40 + lid, 0);
        set(p, first + 5, a, -40 + lid, 0);
        if (!imageLeftEye) {
            // 42 is the inner corner, 45 the outer one: mirror the order
            set(p, first, inner, -40, 2);
            set(p, first + 1, b, -40 - lid, 0);
            set(p, first + 2, a, -40 - lid, 0);
            set(p, first + 3, outer, -40, 8);
            set(p, first + 4, a, -40 + lid, 0);
            set(p, first + 5, b, -40 + lid, 0);
        }
    }

    private static void set(double[] p, int i, double x, double y, double z) {
        p[3 * i] = x;
        p[3 * i + 1] = y;
        p[3 * i + 2] = z;
    }

    /**
     * The rotation matrix (row-major 3x3) for a head pose in the conventions of
     * {@link HeadPoseEstimator}: yaw &gt; 0 turns the nose to the image's right, pitch &gt; 0 tilts
     * it up, roll &gt; 0 rotates the face clockwise on screen. {@code R = Rz(roll) Rx(-pitch) Ry(-yaw)}.
     */
    public static double[] rotation(double yaw, double pitch, double roll) {
        double a = -pitch;
        double b = -yaw;
        double c = roll;
        double ca = Math.cos(a);
        double sa = Math.sin(a);
        double cb = Math.cos(b);
        double sb = Math.sin(b);
        double cc = Math.cos(c);
        double sc = Math.sin(c);
        double[] rx = {1, 0, 0, 0, ca, -sa, 0, sa, ca};
        double[] ry = {cb, 0, sb, 0, 1, 0, -sb, 0, cb};
        double[] rz = {cc, -sc, 0, sc, cc, 0, 0, 0, 1};
        return mul(rz, mul(rx, ry));
    }

    static double[] mul(double[] p, double[] q) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += p[3 * i + k] * q[3 * k + j];
                }
                r[3 * i + j] = s;
            }
        }
        return r;
    }

    /**
     * Synthetic 2-D landmarks: the face with {@code e}, rotated by the pose (radians), placed
     * {@code distance} mm in front of a pinhole camera with focal length {@code focal} pixels and
     * principal point ({@code cx}, {@code cy}), and projected.
     */
    public static FaceLandmarks project(Expression e, double yaw, double pitch, double roll, double focal, double cx, double cy,
                                        double distance) {
        double[] pts = points(e);
        double[] r = rotation(yaw, pitch, roll);
        double[] xy = new double[136];
        for (int i = 0; i < 68; i++) {
            double x = pts[3 * i];
            double y = pts[3 * i + 1];
            double z = pts[3 * i + 2];
            double X = r[0] * x + r[1] * y + r[2] * z;
            double Y = r[3] * x + r[4] * y + r[5] * z;
            double Z = r[6] * x + r[7] * y + r[8] * z + distance;
            xy[2 * i] = cx + focal * X / Z;
            xy[2 * i + 1] = cy + focal * Y / Z;
        }
        return new FaceLandmarks(xy);
    }
}
