package org.mer4j.vision.faceapi;

import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.RgbImage;

/**
 * The integer pixel region face-api cuts out of an image for a detected box
 * ({@code box.clipAtImageBorders(w, h)}: clip to the image, then floor x, y, width and height).
 *
 * @param x left column
 * @param y top row
 * @param width columns, at least 1
 * @param height rows, at least 1
 */
public record FaceCrop(int x, int y, int width, int height) {
    public FaceCrop {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty face crop " + width + "x" + height);
        }
    }

    /**
     * The crop of {@code face} inside an image of {@code imageWidth} x {@code imageHeight}.
     *
     * @throws IllegalArgumentException when the box does not overlap the image by a full pixel
     */
    public static FaceCrop of(FaceDetection face, int imageWidth, int imageHeight) {
        double cx = Math.max(face.x(), 0);
        double cy = Math.max(face.y(), 0);
        double w = Math.min(face.x() + face.width() - cx, imageWidth - cx);
        double h = Math.min(face.y() + face.height() - cy, imageHeight - cy);
        int fw = (int) Math.floor(w);
        int fh = (int) Math.floor(h);
        if (fw <= 0 || fh <= 0) {
            throw new IllegalArgumentException("face box " + face + " lies outside the " + imageWidth + "x" + imageHeight + " image");
        }
        return new FaceCrop((int) Math.floor(cx), (int) Math.floor(cy), fw, fh);
    }

    /** A copy of this region of {@code image}. */
    public RgbImage extract(RgbImage image) {
        if (x + width > image.width() || y + height > image.height()) {
            throw new IllegalArgumentException(this + " exceeds the " + image.width() + "x" + image.height() + " image");
        }
        byte[] out = new byte[width * height * 3];
        for (int r = 0; r < height; r++) {
            System.arraycopy(image.rgb(), ((y + r) * image.width() + x) * 3, out, r * width * 3, width * 3);
        }
        return new RgbImage(width, height, out, image.bgr());
    }
}
