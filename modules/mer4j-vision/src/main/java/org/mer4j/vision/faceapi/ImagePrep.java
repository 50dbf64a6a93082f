package org.mer4j.vision.faceapi;

import org.mer4j.vision.face.RgbImage;

/**
 * The face-api input pipeline for tensor inputs, fused into one pass over the bytes: zero-pad a
 * region of the image to a square (face-api's {@code padToSquare}: all padding bottom/right for the
 * detector, centred for the 112x112 nets, the larger half after), resize it bilinearly as
 * {@code tf.image.resizeBilinear(x, size, alignCorners=false, halfPixelCenters=false)} does
 * (source coordinate {@code dst * in / out}, no half-pixel offset), subtract the per-channel mean
 * and divide by 255 in float32, and write planar CHW floats.
 */
final class ImagePrep {
    private ImagePrep() {
    }

    /**
     * Writes {@code 3 * size * size} floats at {@code dst[off]}.
     *
     * @param img source image
     * @param x0 left of the region, inside the image
     * @param y0 top of the region
     * @param w region width, at least 1
     * @param h region height, at least 1
     * @param center centre the padding (face feature nets) rather than put it bottom/right (detector)
     * @param size output side
     * @param mean per-channel mean (R, G, B) subtracted before the division by 255
     */
    static void squareResize(RgbImage img, int x0, int y0, int w, int h, boolean center, int size,
            float[] mean, float[] dst, int off) {
        int side = Math.max(w, h);
        int diff = Math.abs(w - h);
        int append = center ? (int) Math.floor(diff * 0.5 + 0.5) : diff;
        int prepend = diff - append;
        int padX = w < h ? prepend : 0;
        int padY = h < w ? prepend : 0;
        double ratio = (double) side / size;

        // per output column: the byte offsets of its two source pixels in a row (-1 = in the zero padding) and the weight
        int[] colA = new int[size];
        int[] colB = new int[size];
        double[] cf = new double[size];
        for (int c = 0; c < size; c++) {
            double f = ratio * c;
            int fl = Math.max(0, (int) Math.floor(f));
            cf[c] = f - fl;
            int a = fl - padX;
            int b = Math.min(side - 1, (int) Math.ceil(f)) - padX;
            colA[c] = a >= 0 && a < w ? (x0 + a) * 3 : -1;
            colB[c] = b >= 0 && b < w ? (x0 + b) * 3 : -1;
        }
        byte[] px = img.rgb();
        // channel k of the output (R, G, B) is byte ch[k] of a pixel: the image may hold B,G,R (a decoded frame)
        int ch0 = img.channelOffset(0);
        int ch1 = img.channelOffset(1);
        int ch2 = img.channelOffset(2);
        int stride = img.width() * 3;
        int plane = size * size;
        float m0 = mean[0], m1 = mean[1], m2 = mean[2];
        for (int r = 0; r < size; r++) {
            double f = ratio * r;
            int fl = Math.max(0, (int) Math.floor(f));
            double rf = f - fl;
            int r0 = fl - padY;
            int r1 = Math.min(side - 1, (int) Math.ceil(f)) - padY;
            int base0 = r0 >= 0 && r0 < h ? (y0 + r0) * stride : -1;
            int base1 = r1 >= 0 && r1 < h ? (y0 + r1) * stride : -1;
            int o = off + r * size;
            for (int c = 0; c < size; c++) {
                int a = colA[c];
                int b = colB[c];
                int tl = base0 >= 0 && a >= 0 ? base0 + a : -1;
                int tr = base0 >= 0 && b >= 0 ? base0 + b : -1;
                int bl = base1 >= 0 && a >= 0 ? base1 + a : -1;
                int br = base1 >= 0 && b >= 0 ? base1 + b : -1;
                double fc = cf[c];
                dst[o + c] = (lerp(px, tl, tr, bl, br, ch0, fc, rf) - m0) / 255f;
                dst[o + plane + c] = (lerp(px, tl, tr, bl, br, ch1, fc, rf) - m1) / 255f;
                dst[o + 2 * plane + c] = (lerp(px, tl, tr, bl, br, ch2, fc, rf) - m2) / 255f;
            }
        }
    }

    /** Bilinear value of channel byte {@code k} from four pixel offsets (-1 = zero padding), in tfjs's order of operations. */
    private static float lerp(byte[] px, int tl, int tr, int bl, int br, int k, double fc, double rf) {
        double vtl = tl >= 0 ? px[tl + k] & 0xff : 0;
        double vtr = tr >= 0 ? px[tr + k] & 0xff : 0;
        double vbl = bl >= 0 ? px[bl + k] & 0xff : 0;
        double vbr = br >= 0 ? px[br + k] & 0xff : 0;
        double top = vtl + (vtr - vtl) * fc;
        double bot = vbl + (vbr - vbl) * fc;
        return (float) (top + (bot - top) * rf);
    }
}
