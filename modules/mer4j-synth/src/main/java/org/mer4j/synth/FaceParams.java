package org.mer4j.synth;

/**
 * Facial expression parameters at one instant, in normalised units (0 = neutral) that
 * {@link FaceRenderer} maps to geometry. The per-emotion settings follow the prototypical action
 * units of Ekman &amp; Friesen's FACS: happy = lip-corner puller + cheek raiser (AU12+AU6), sad =
 * inner-brow raiser + lip-corner depressor (AU1+AU15), angry = brow lowerer + lip tightener (AU4+AU23).
 *
 * @param smile mouth-corner curvature, -1 (frown) .. +1 (smile)
 * @param mouthOpen jaw opening 0..1
 * @param mouthWidth mouth width multiplier (1 = relaxed, &lt; 1 = pressed/tight)
 * @param eyeOpen eyelid opening (1 = normal, 0 = closed)
 * @param browRaise brow height, -1 (lowered) .. +1 (raised)
 * @param browInner inner-brow tilt, +1 (inner ends up, sad) .. -1 (inner ends down and in, angry)
 * @param cheekRaise cheek raiser 0..1
 * @param gazeDown gaze aversion downwards 0..1
 */
public record FaceParams(double smile, double mouthOpen, double mouthWidth, double eyeOpen, double browRaise,
                         double browInner, double cheekRaise, double gazeDown) {

    /** The relaxed face. */
    public static FaceParams neutral() {
        return new FaceParams(0, 0, 1, 1, 0, 0, 0, 0);
    }

    /** The prototypical expression of {@code e}, scaled by {@code expressiveness} (1 = average). */
    public static FaceParams of(Emotion e, double expressiveness) {
        double k = expressiveness;
        return switch (e) {
            case NEUTRAL -> neutral();
            case HAPPY -> new FaceParams(0.9 * k, 0.22 * k, 1 + 0.12 * k, 1 - 0.28 * k, 0.25 * k, 0, 0.85 * k, 0);
            case SAD -> new FaceParams(-0.75 * k, 0, 0.92, 1 - 0.35 * k, 0.05 * k, 0.9 * k, 0, 0.25 * k);
            case ANGRY -> new FaceParams(-0.25 * k, 0, 1 - 0.25 * k, 1 + 0.08 * k, -0.85 * k, -0.9 * k, 0, 0);
        };
    }

    /**
     * The expression of {@code e} at {@code intensity} (1 = the prototype scaled by
     * {@code expressiveness}, exactly {@link #of(Emotion, double)}): every parameter moves that
     * fraction of the way from the relaxed face to the full expression, so 0.5 is half a smile, half
     * a brow lowering. Neutral is the relaxed face at any intensity.
     */
    public static FaceParams of(Emotion e, double expressiveness, double intensity) {
        FaceParams full = of(e, expressiveness);
        return intensity == 1 ? full : neutral().lerp(full, intensity);
    }

    /** Linear interpolation: {@code w = 0} gives this, {@code w = 1} gives {@code o}. */
    public FaceParams lerp(FaceParams o, double w) {
        return new FaceParams(l(smile, o.smile, w), l(mouthOpen, o.mouthOpen, w), l(mouthWidth, o.mouthWidth, w),
                l(eyeOpen, o.eyeOpen, w), l(browRaise, o.browRaise, w), l(browInner, o.browInner, w),
                l(cheekRaise, o.cheekRaise, w), l(gazeDown, o.gazeDown, w));
    }

    /** This expression with the hesitation cue of the face added: gaze down and knitted brows. */
    public FaceParams withHesitation(double amount) {
        return new FaceParams(smile, mouthOpen, mouthWidth, eyeOpen - 0.1 * amount, browRaise - 0.2 * amount,
                browInner - 0.35 * amount, cheekRaise, Math.min(1, gazeDown + 0.8 * amount));
    }

    /** This expression with extra jaw opening (articulation) and eyelid closure (blinks). */
    public FaceParams withMotion(double extraOpen, double eyeClosure) {
        return new FaceParams(smile, Math.min(1, mouthOpen + extraOpen), mouthWidth - 0.1 * extraOpen,
                Math.max(0, eyeOpen * (1 - eyeClosure)), browRaise, browInner, cheekRaise, gazeDown);
    }

    private static double l(double a, double b, double w) {
        return a + (b - a) * w;
    }
}
