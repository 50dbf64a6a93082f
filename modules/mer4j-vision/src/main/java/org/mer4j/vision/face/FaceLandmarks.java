package org.mer4j.vision.face;

/**
 * The 68 facial landmarks of the iBUG 300-W markup (Sagonas et al., "300 Faces in-the-Wild
 * Challenge", ICCV Workshops 2013) in pixel coordinates of the image: jaw 0-16, brows 17-26, nose
 * 27-35, eyes 36-47 (subject's right eye 36-41, left eye 42-47), mouth 48-67.
 *
 * @param xy 136 values {@code x0, y0, x1, y1, ...}
 */
public record FaceLandmarks(double[] xy) {
    /** Number of points. */
    public static final int POINTS = 68;

    public FaceLandmarks {
        if (xy.length != 2 * POINTS) {
            throw new IllegalArgumentException("68 landmarks need 136 coordinates, got " + xy.length);
        }
    }

    /** x of point {@code i}. */
    public double x(int i) {
        return xy[2 * i];
    }

    /** y of point {@code i}. */
    public double y(int i) {
        return xy[2 * i + 1];
    }
}
