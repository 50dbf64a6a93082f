package org.mer4j.vision.face;

/**
 * A detected face: a box in pixel coordinates of the image it was found in, and the detector's
 * confidence.
 *
 * @param x left edge
 * @param y top edge
 * @param width box width, positive
 * @param height box height, positive
 * @param score detector confidence in [0, 1]
 */
public record FaceDetection(double x, double y, double width, double height, double score) {
    public FaceDetection {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("face box needs a positive size, got " + width + "x" + height);
        }
    }

    /** Area in square pixels. */
    public double area() {
        return width * height;
    }

    /** Column of the centre. */
    public double centerX() {
        return x + width / 2;
    }

    /** Row of the centre. */
    public double centerY() {
        return y + height / 2;
    }
}
