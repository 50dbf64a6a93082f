package org.mer4j.synth;

/**
 * Rigid head placement in the frame.
 *
 * @param dx horizontal offset of the face centre, fraction of frame width
 * @param dy vertical offset of the face centre, fraction of frame height
 * @param scale size multiplier (1 = head 58% of the frame height)
 * @param rollDegrees in-plane rotation in degrees (positive = clockwise on screen)
 */
public record HeadPose(double dx, double dy, double scale, double rollDegrees) {
    /** Centred, upright, nominal size. */
    public static HeadPose centred() {
        return new HeadPose(0, 0, 1, 0);
    }
}
