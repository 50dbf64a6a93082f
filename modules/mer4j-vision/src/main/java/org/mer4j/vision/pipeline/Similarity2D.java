package org.mer4j.vision.pipeline;

/**
 * A 2-D similarity transform (uniform scale, rotation, translation, no reflection):
 * {@code x' = a x - b y + tx}, {@code y' = b x + a y + ty}, i.e. {@code s R p + t} with
 * {@code a = s cos(theta)}, {@code b = s sin(theta)}.
 *
 * @param a scale times cosine of the rotation
 * @param b scale times sine of the rotation
 * @param tx translation along x
 * @param ty translation along y
 */
public record Similarity2D(double a, double b, double tx, double ty) {
    public Similarity2D {
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(tx) || !Double.isFinite(ty)) {
            throw new IllegalArgumentException("similarity transform needs finite parameters, got " + a + ", " + b + ", " + tx + ", " + ty);
        }
    }

    /** Builds one from scale, rotation (radians, counter-clockwise in a y-up frame, clockwise on screen) and translation. */
    public static Similarity2D of(double scale, double rotation, double tx, double ty) {
        return new Similarity2D(scale * Math.cos(rotation), scale * Math.sin(rotation), tx, ty);
    }

    /** The uniform scale factor. */
    public double scale() {
        return Math.hypot(a, b);
    }

    /** The rotation angle in radians. */
    public double rotation() {
        return Math.atan2(b, a);
    }

    /** x of the transformed point. */
    public double applyX(double x, double y) {
        return a * x - b * y + tx;
    }

    /** y of the transformed point. */
    public double applyY(double x, double y) {
        return b * x + a * y + ty;
    }

    /** Transforms interleaved {@code x0, y0, x1, y1, ...} into a new array. */
    public double[] apply(double[] xy) {
        double[] out = new double[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
            out[i] = applyX(xy[i], xy[i + 1]);
            out[i + 1] = applyY(xy[i], xy[i + 1]);
        }
        return out;
    }

    /** The inverse transform. */
    public Similarity2D inverse() {
        double d = a * a + b * b;
        if (d == 0) {
            throw new IllegalStateException("a similarity with zero scale has no inverse");
        }
        double ia = a / d;
        double ib = -b / d;
        return new Similarity2D(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }

    /** The 2x3 row-major affine matrix {@code [a -b tx; b a ty]} as OpenCV's warpAffine takes it. */
    public double[] toAffine() {
        return new double[] {a, -b, tx, b, a, ty};
    }
}
