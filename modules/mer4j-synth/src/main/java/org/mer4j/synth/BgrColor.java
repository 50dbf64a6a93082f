package org.mer4j.synth;

/**
 * An 8-bit colour in OpenCV's B,G,R channel order.
 *
 * @param b blue 0..255
 * @param g green 0..255
 * @param r red 0..255
 */
public record BgrColor(int b, int g, int r) {
    public BgrColor {
        if (b < 0 || b > 255 || g < 0 || g > 255 || r < 0 || r > 255) {
            throw new IllegalArgumentException("colour channels must be 0..255, got b=" + b + " g=" + g + " r=" + r);
        }
    }

    /** This colour with every channel multiplied by {@code f} and clamped to 0..255. */
    public BgrColor scaled(double f) {
        return new BgrColor(clamp(b * f), clamp(g * f), clamp(r * f));
    }

    /** Linear mix: {@code w = 0} gives this colour, {@code w = 1} gives {@code other}. */
    public BgrColor mix(BgrColor other, double w) {
        return new BgrColor(clamp(b + (other.b - b) * w), clamp(g + (other.g - g) * w), clamp(r + (other.r - r) * w));
    }

    /** Approximate luma (ITU-R BT.601). */
    public double luma() {
        return 0.114 * b + 0.587 * g + 0.299 * r;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
