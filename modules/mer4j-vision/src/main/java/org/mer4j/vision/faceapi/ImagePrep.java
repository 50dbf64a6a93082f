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

        int[] c0 = new int[size];
        int[] c1 = new int[size];
        double[] cf = new double[size];
        for (int c = 0; c < size; c++) {
            double f = ratio * c;
            int fl = Math.max(0, (int) Math.floor(f));
            cf[c] = f - fl;
            c0[c] = fl - padX;
            c1[c] = Math.min(side - 1, (int) Math.ceil(f)) - padX;
        }
        byte[] px = img.rgb();
        // channel k of the output (R, G, B) is byte ch[k] of a pixel: the image may hold B,G,R (a decoded frame)
        int[] ch = {img.channelOffset(0), img.channelOffset(1), img.channelOffset(2)};
        int stride = img.width() * 3;
        int plane = size * size;
        float m0 = mean[0], m1 = mean[1], m2 = mean[2];
        double[] top = new double[3];
        double[] bot = new double[3];
        for (int r = 0; r < size; r++) {
            double f = ratio * r;
            int fl = Math.max(0, (int) Math.floor(f));
            double rf = f - fl;
            int r0 = fl - padY;
            int r1 = Math.min(side - 1, (int) Math.ceil(f)) - padY;
            boolean in0 = r0 >= 0 && r0 < h;
            boolean in1 = r1 >= 0 && r1 < h;
            int base0 = (y0 + r0) * stride;
            int base1 = (y0 + r1) * stride;
            int o = off + r * size;
            for (int c = 0; c < size; c++) {
                int a = c0[c], b = c1[c];
                boolean ina = a >= 0 && a < w;
                boolean inb = b >= 0 && b < w;
                int ia = (x0 + a) * 3;
                int ib = (x0 + b) * 3;
                double fc = cf[c];
                for (int k = 0; k < 3; k++) {
                    int o3 = ch[k];
                    double tl = in0 && ina ? px[base0 + ia + o3] & 0xff : 0;
                    double tr = in0 && inb ? px[base0 + ib + o3] & 0xff : 0;
                    double bl = in1 && ina ? px[base1 + ia + o3] & 0xff : 0;
                    double br = in1 && inb ? px[base1 + ib + o3] & 0xff : 0;
                    top[k] = tl + (tr - tl) * fc;
                    bot[k] = bl + (br - bl) * fc;
                }
                float v0 = (float) (top[0] + (bot[0] - top[0]) * rf);
                float v1 = (float) (top[1] + (bot[1] - top[1]) * rf);
                float v2 = (float) (top[2] + (bot[2] - top[2]) * rf);
                dst[o + c] = (v0 - m0) / 255f;
                dst[o + plane + c] = (v1 - m1) / 255f;
                dst[o + 2 * plane + c] = (v2 - m2) / 255f;
            }
        }
    }
}
