package org.mer4j.synth;

import java.util.SplittableRandom;

/**
 * Draws {@link SubjectProfile}s: baseline pitch 95..230 Hz (two voice registers), expressiveness,
 * speaking rate, face shape and a palette whose background always contrasts with the skin.
 */
public final class SubjectSampler {
    private static final BgrColor[] SKINS = {
        new BgrColor(175, 195, 230), new BgrColor(150, 180, 220), new BgrColor(125, 160, 205),
        new BgrColor(100, 135, 185), new BgrColor(80, 115, 165), new BgrColor(65, 95, 145)};
    private static final BgrColor[] HAIRS = {
        new BgrColor(20, 22, 28), new BgrColor(25, 40, 60), new BgrColor(35, 55, 85), new BgrColor(40, 40, 45)};
    private static final BgrColor[] CLOTHES = {
        new BgrColor(140, 80, 40), new BgrColor(60, 120, 60), new BgrColor(60, 60, 150), new BgrColor(110, 110, 110),
        new BgrColor(150, 130, 70)};

    private SubjectSampler() {
    }

    /** Samples the profile of subject {@code id} from {@code rng} (consumes a fixed number of draws). */
    public static SubjectProfile sample(String id, SplittableRandom rng) {
        boolean lowRegister = rng.nextBoolean();
        double f0 = lowRegister ? uniform(rng, 95, 140) : uniform(rng, 170, 230);
        double pitchRange = uniform(rng, 0.75, 1.3);
        double voiceExpr = uniform(rng, 0.8, 1.25);
        double faceExpr = uniform(rng, 0.6, 1.3);
        double rate = uniform(rng, 0.8, 1.2);
        double loudness = uniform(rng, 0.75, 1.1);
        double widthRatio = uniform(rng, 0.72, 0.82);
        double eyeSpacing = uniform(rng, 0.36, 0.42);
        BgrColor skin = SKINS[rng.nextInt(SKINS.length)].scaled(uniform(rng, 0.95, 1.05));
        BgrColor hair = HAIRS[rng.nextInt(HAIRS.length)];
        BgrColor clothes = CLOTHES[rng.nextInt(CLOTHES.length)];
        // background: a cool grey whose brightness is pushed away from the skin's
        double skinLuma = skin.luma();
        double bgLuma = skinLuma > 140 ? uniform(rng, 70, 105) : uniform(rng, 175, 215);
        BgrColor tint = new BgrColor(rng.nextInt(20), rng.nextInt(20), rng.nextInt(20));
        BgrColor top = new BgrColor((int) bgLuma, (int) bgLuma, (int) bgLuma).mix(tint, 0.15);
        BgrColor bottom = top.scaled(uniform(rng, 0.8, 0.95));
        return new SubjectProfile(id, f0, pitchRange, voiceExpr, faceExpr, rate, loudness, widthRatio, eyeSpacing,
                skin, hair, clothes, top, bottom);
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
