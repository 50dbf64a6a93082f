package org.mer4j.vision;

/**
 * Exponential moving average of face boxes across frames, which steadies the crop against the
 * cascade's frame-to-frame jitter: {@code box = a * previous + (1 - a) * detected}.
 */
public final class BoxSmoother {
    private final double weight;
    private double x;
    private double y;
    private double w;
    private double h;
    private boolean has;

    /** @param weight weight of the previous box, in [0, 1) */
    public BoxSmoother(double weight) {
        if (!(weight >= 0) || !(weight < 1)) {
            throw new IllegalArgumentException("box smoothing weight must be in [0, 1), got " + weight);
        }
        this.weight = weight;
    }

    /** Adds a detection and returns the smoothed box. */
    public FaceBox update(FaceBox detected) {
        if (!has) {
            x = detected.x();
            y = detected.y();
            w = detected.width();
            h = detected.height();
            has = true;
        } else {
            x = weight * x + (1 - weight) * detected.x();
            y = weight * y + (1 - weight) * detected.y();
            w = weight * w + (1 - weight) * detected.width();
            h = weight * h + (1 - weight) * detected.height();
        }
        return current();
    }

    /** The current smoothed box (call only after an update). */
    public FaceBox current() {
        return new FaceBox((int) Math.round(x), (int) Math.round(y), Math.max(1, (int) Math.round(w)), Math.max(1, (int) Math.round(h)));
    }

    /** Forgets the history (e.g. after the face was lost). */
    public void reset() {
        has = false;
    }
}
