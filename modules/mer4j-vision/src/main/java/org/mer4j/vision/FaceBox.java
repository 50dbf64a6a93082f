package org.mer4j.vision;

/**
 * An axis-aligned face rectangle in pixel coordinates of the frame it was found in.
 *
 * @param x left column
 * @param y top row
 * @param width width in pixels, positive
 * @param height height in pixels, positive
 */
public record FaceBox(int x, int y, int width, int height) {
    public FaceBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("face box needs a positive size, got " + width + "x" + height);
        }
    }

    /** Area in pixels. */
    public long area() {
        return (long) width * height;
    }

    /** Column of the centre. */
    public double centerX() {
        return x + width / 2.0;
    }

    /** Row of the centre. */
    public double centerY() {
        return y + height / 2.0;
    }
}
