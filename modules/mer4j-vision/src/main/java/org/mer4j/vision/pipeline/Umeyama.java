package org.mer4j.vision.pipeline;

/**
 * Least-squares similarity transform between two 2-D point sets (S. Umeyama, "Least-squares
 * estimation of transformation parameters between two point patterns", IEEE TPAMI 13(4), 1991).
 *
 * <p>Minimises {@code sum_i w_i |dst_i - (s R src_i + t)|^2} over scale {@code s}, rotation
 * {@code R} and translation {@code t}. In two dimensions the rotation is one angle, and Umeyama's
 * SVD solution with the reflection guard ({@code det(R) = +1}) reduces to a closed form: with both
 * sets centred on their (weighted) means, {@code a = sum w (x x' + y y') / sum w |p|^2} and
 * {@code b = sum w (x y' - y x') / sum w |p|^2}, where {@code (a, b) = s (cos, sin)}.
 */
public final class Umeyama {
    private Umeyama() {
    }

    /**
     * Estimates the similarity mapping {@code src} onto {@code dst} (interleaved x, y; same length,
     * at least two distinct points).
     */
    public static Similarity2D estimate(double[] src, double[] dst) {
        return estimate(src, dst, null);
    }

    /** Weighted version; {@code weights} has one non-negative value per point, or is null for equal weights. */
    public static Similarity2D estimate(double[] src, double[] dst, double[] weights) {
        if (src.length != dst.length || src.length % 2 != 0 || src.length < 4) {
            throw new IllegalArgumentException("Umeyama alignment needs two equally long interleaved point lists of at least 2 points, got "
                    + src.length + " and " + dst.length + " values");
        }
        int n = src.length / 2;
        if (weights != null && weights.length != n) {
            throw new IllegalArgumentException("expected " + n + " weights, got " + weights.length);
        }
        double sw = 0;
        double msx = 0;
        double msy = 0;
        double mdx = 0;
        double mdy = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            sw += w;
            msx += w * src[2 * i];
            msy += w * src[2 * i + 1];
            mdx += w * dst[2 * i];
            mdy += w * dst[2 * i + 1];
        }
        if (!(sw > 0)) {
            throw new IllegalArgumentException("Umeyama alignment needs positive total weight");
        }
        msx /= sw;
        msy /= sw;
        mdx /= sw;
        mdy /= sw;
        double var = 0;
        double dot = 0;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            double x = src[2 * i] - msx;
            double y = src[2 * i + 1] - msy;
            double u = dst[2 * i] - mdx;
            double v = dst[2 * i + 1] - mdy;
            var += w * (x * x + y * y);
            dot += w * (x * u + y * v);
            cross += w * (x * v - y * u);
        }
        if (!(var > 1e-12)) {
            throw new IllegalArgumentException("Umeyama alignment: the source points coincide, so scale and rotation are undefined");
        }
        double a = dot / var;
        double b = cross / var;
        double tx = mdx - (a * msx - b * msy);
        double ty = mdy - (b * msx + a * msy);
        return new Similarity2D(a, b, tx, ty);
    }
}
