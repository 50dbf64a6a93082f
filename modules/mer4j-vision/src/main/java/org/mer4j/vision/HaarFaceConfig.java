package org.mer4j.vision;

/**
 * Settings of {@link HaarFaceDetector}.
 *
 * @param cascade file name of an OpenCV Haar cascade shipped in the opencv jar
 *                (default {@code haarcascade_frontalface_alt2.xml})
 * @param scaleFactor image pyramid step of the cascade scan, &gt; 1 (default 1.1)
 * @param minNeighbors overlapping detections needed to accept a face, &gt;= 0 (default 3)
 * @param minSizeFraction smallest face side as a fraction of the frame height, in (0, 1] (default 0.2)
 */
public record HaarFaceConfig(String cascade, double scaleFactor, int minNeighbors, double minSizeFraction) {
    /** Default cascade file. */
    public static final String DEFAULT_CASCADE = "haarcascade_frontalface_alt2.xml";

    public HaarFaceConfig {
        if (cascade == null || cascade.isBlank()) {
            cascade = DEFAULT_CASCADE;
        }
        if (!cascade.matches("haarcascade_[a-z0-9_]+\\.xml")) {
            throw new IllegalArgumentException("haar.cascade: expected the file name of an OpenCV Haar cascade such as "
                    + DEFAULT_CASCADE + ", got '" + cascade + "'");
        }
        if (!(scaleFactor > 1.0) || scaleFactor > 2.0) {
            throw new IllegalArgumentException("haar.scaleFactor must be in (1, 2], got " + scaleFactor + "; 1.1 is a good default");
        }
        if (minNeighbors < 0) {
            throw new IllegalArgumentException("haar.minNeighbors must be >= 0, got " + minNeighbors + "; 3 is a good default");
        }
        if (!(minSizeFraction > 0) || minSizeFraction > 1) {
            throw new IllegalArgumentException("haar.minSizeFraction must be in (0, 1], got " + minSizeFraction
                    + "; use 0.2 for webcam close-ups, smaller for distant faces");
        }
    }

    /** The defaults: alt2 cascade, scale 1.1, 3 neighbours, faces at least 20% of the frame height. */
    public static HaarFaceConfig defaults() {
        return new HaarFaceConfig(DEFAULT_CASCADE, 1.1, 3, 0.2);
    }
}
