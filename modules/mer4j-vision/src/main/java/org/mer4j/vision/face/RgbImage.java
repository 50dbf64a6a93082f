package org.mer4j.vision.face;

import org.mer4j.api.VideoFrame;

/**
 * An 8-bit colour image, rows top to bottom, pixels interleaved (HWC): {@code R,G,B}, or
 * {@code B,G,R} when {@code bgr} is set, so that a decoded BGR frame is handed to the face models
 * as is, without a per-frame conversion copy ({@link #fromBgr}). The face models read channels
 * through {@link #channelOffset} and see RGB either way (the face-api nets were trained on RGB).
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param rgb {@code height * width * 3} bytes, in the order {@code bgr} says
 * @param bgr the bytes are {@code B,G,R} (a decoder's frame) rather than {@code R,G,B}
 */
public record RgbImage(int width, int height, byte[] rgb, boolean bgr) {
    /** An image whose bytes are {@code R,G,B}. */
    public RgbImage(int width, int height, byte[] rgb) {
        this(width, height, rgb, false);
    }

    public RgbImage {
        if (width <= 0 || height <= 0 || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("RGB image needs width*height*3 bytes, got " + width + "x" + height
                    + " and " + rgb.length + " bytes");
        }
    }

    /** A view of a decoded BGR frame (its bytes, not a copy: the frame must not change while the view is used). */
    public static RgbImage fromBgr(VideoFrame frame) {
        return new RgbImage(frame.width(), frame.height(), frame.bgr(), true);
    }

    /** Where colour channel {@code c} (0 R, 1 G, 2 B) sits within a pixel's three bytes. */
    public int channelOffset(int c) {
        return bgr ? 2 - c : c;
    }

    /** Channel {@code c} (0 R, 1 G, 2 B) of pixel (x, y) as 0..255. */
    public int get(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + channelOffset(c)] & 0xff;
    }
}
