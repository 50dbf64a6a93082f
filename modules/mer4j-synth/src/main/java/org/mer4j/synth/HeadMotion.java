package org.mer4j.synth;

import java.util.SplittableRandom;

/**
 * Small, smooth, seeded head motion: each pose channel is a sum of three slow sinusoids with random
 * frequencies (0.08-0.6 Hz) and phases, bounded by the channel's amplitude.
 */
public final class HeadMotion {
    private static final double[] AMPLITUDES = {0.015, 0.012, 0.025, 3.0};   // dx, dy, scale, roll degrees
    private final double[][] freq = new double[4][3];
    private final double[][] phase = new double[4][3];

    public HeadMotion(SplittableRandom rng) {
        for (int c = 0; c < 4; c++) {
            for (int k = 0; k < 3; k++) {
                freq[c][k] = 0.08 + 0.52 * rng.nextDouble();
                phase[c][k] = 2 * Math.PI * rng.nextDouble();
            }
        }
    }

    /** The pose at time {@code t} seconds. */
    public HeadPose at(double t) {
        double[] v = new double[4];
        for (int c = 0; c < 4; c++) {
            double s = 0;
            for (int k = 0; k < 3; k++) {
                s += Math.sin(2 * Math.PI * freq[c][k] * t + phase[c][k]) / 3;
            }
            v[c] = AMPLITUDES[c] * s;
        }
        return new HeadPose(v[0], v[1], 1 + v[2], v[3]);
    }
}
