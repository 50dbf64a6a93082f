package org.mer4j.synth;

/**
 * Vowels with their first three formant frequencies (Hz), average adult values after Peterson
 * &amp; Barney (1952), "Control methods used in a study of the vowels", JASA 24(2).
 */
public enum Vowel {
    A(730, 1090, 2440), E(530, 1840, 2480), I(270, 2290, 3010), O(570, 840, 2410), U(300, 870, 2240);

    private final double f1;
    private final double f2;
    private final double f3;

    Vowel(double f1, double f2, double f3) {
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
    }

    /** Formant frequencies F1, F2, F3 in Hz. */
    public double[] formants() {
        return new double[] {f1, f2, f3};
    }
}
