package org.mer4j.vision.face;

import org.mer4j.api.VideoFrame;

/**
 * An 8-bit RGB image, rows top to bottom, pixels interleaved {@code R,G,B} (HWC). The face models
 * take this layout because the face-api reference nets were trained on RGB input.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param rgb {@code height * width * 3} bytes
 */
public record RgbImage(int width, int height, byte[] rgb) {
    public RgbImage {
        if (width <= 0 || height <= 0 || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("RGB image needs width*height*3 bytes, got " + width + "x" + height
                    + " and " + rgb.length + " bytes");
        }
    }

    /** Converts a decoded BGR frame. */
    public static RgbImage fromBgr(VideoFrame frame) {
        byte[] bgr = frame.bgr();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return new RgbImage(frame.width(), frame.height(), rgb);
    }

    /** Channel {@code c} (0 R, 1 G, 2 B) of pixel (x, y) as 0..255. */
    public int get(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xff;
    }
}
