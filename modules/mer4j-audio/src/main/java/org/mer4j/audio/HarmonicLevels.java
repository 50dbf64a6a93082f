package org.mer4j.audio;

/**
 * Harmonic and formant amplitudes read off a frame's Hann power spectrum (the pitch frame, three
 * periods of the floor long, so harmonics are resolved): the level of harmonic k is the largest
 * bin within {@code k F0 +- 0.1 F0}; the amplitude at a formant is the largest bin within
 * {@code F +- F0/2}, i.e. its strongest harmonic. In dB, as in eGeMAPS: {@code H1-H2},
 * {@code H1-A3} (A3 the harmonic nearest F3) and formant amplitudes relative to H1.
 */
final class HarmonicLevels {
    private final double binHz;

    HarmonicLevels(int sampleRate, int fftSize) {
        this.binHz = sampleRate / (double) fftSize;
    }

    /** Level in dB of the largest bin within {@code centre +- halfWidth} Hz. */
    double peakDb(float[] power, double centre, double halfWidth) {
        int k0 = Math.max(0, (int) Math.floor((centre - halfWidth) / binHz));
        int k1 = Math.min(power.length - 1, (int) Math.ceil((centre + halfWidth) / binHz));
        double max = 0;
        for (int k = k0; k <= k1; k++) {
            max = Math.max(max, power[k]);
        }
        return 10 * Math.log10(max + 1e-20);
    }

    /** Fills H1-H2, H1-A3 and formant amplitudes of a voiced frame into the LLD row. */
    void fill(float[] power, double f0, double[] formants, float[] row) {
        double hw = Math.max(0.1 * f0, binHz);
        double h1 = peakDb(power, f0, hw);
        double h2 = peakDb(power, 2 * f0, hw);
        row[EgemapsLld.H1_H2] = (float) (h1 - h2);
        row[EgemapsLld.H1_A3] = formants[2] > 0 ? (float) (h1 - peakDb(power, formants[2], f0 / 2)) : 0f;
        for (int i = 1; i <= 3; i++) {
            double f = formants[i - 1];
            row[EgemapsLld.formantAmplitude(i)] = f > 0 ? (float) (peakDb(power, f, f0 / 2) - h1) : 0f;
        }
    }
}
