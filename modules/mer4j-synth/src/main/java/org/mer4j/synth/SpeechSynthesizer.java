package org.mer4j.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Speech-like audio from a {@link ClipPlan} by the source-filter model (Fant 1960, "Acoustic
 * Theory of Speech Production"): per syllable a glottal-like harmonic source (harmonics with 1/k
 * roll-off, band-limited) following the planned F0 glide, shaped by three formant resonators of
 * the syllable's vowel, a raised-cosine amplitude envelope, and an optional high-passed noise
 * burst for the onset consonant. Silence between words and in pauses. Output stays in [-1, 1].
 */
public final class SpeechSynthesizer {
    private static final double[] FORMANT_GAINS = {1.0, 0.55, 0.3};
    private static final double[] FORMANT_BANDWIDTHS = {90, 110, 150};
    private static final double DIRECT_SOURCE = 0.35;
    private static final double GAIN = 0.42;
    private static final double ATTACK = 0.015;
    private static final double RELEASE = 0.03;

    private final int sampleRate;

    public SpeechSynthesizer(int sampleRate) {
        if (sampleRate < 8000) {
            throw new IllegalArgumentException("speech synthesis needs a sample rate >= 8000 Hz, got " + sampleRate);
        }
        this.sampleRate = sampleRate;
    }

    /** Renders the whole clip: {@code round(seconds * sampleRate)} mono samples. */
    public float[] render(ClipPlan plan) {
        int n = (int) Math.round(plan.seconds() * sampleRate);
        float[] out = new float[n];
        SplittableRandom noise = new SplittableRandom(plan.renderSeed() ^ 0x5DEECE66DL);
        for (Syllable s : plan.syllables()) {
            renderSyllable(s, out, noise);
        }
        for (int i = 0; i < n; i++) {
            out[i] = (float) Math.max(-1, Math.min(1, out[i]));
        }
        return out;
    }

    private void renderSyllable(Syllable s, float[] out, SplittableRandom noise) {
        int start = (int) Math.round(s.start() * sampleRate);
        int voiced = (int) Math.round(s.voicedStart() * sampleRate);
        int end = Math.min(out.length, (int) Math.round(s.end() * sampleRate));
        // consonant: differenced white noise (a crude fricative/plosive release)
        double prev = 0;
        for (int i = start; i < Math.min(voiced, out.length); i++) {
            double w = noise.nextDouble() * 2 - 1;
            double env = Math.sin(Math.PI * (i - start) / Math.max(1, voiced - start));
            out[i] += (float) (0.25 * s.amplitude() * env * (w - prev));
            prev = w;
        }
        double[] formants = s.vowel().formants();
        BiquadBandPass[] bank = new BiquadBandPass[formants.length];
        for (int k = 0; k < formants.length; k++) {
            bank[k] = new BiquadBandPass(sampleRate, Math.min(formants[k], sampleRate * 0.45), FORMANT_BANDWIDTHS[k]);
        }
        double phase = 0;
        int len = end - voiced;
        int attack = (int) (ATTACK * sampleRate);
        int release = (int) (RELEASE * sampleRate);
        for (int i = voiced; i < end; i++) {
            double t = i / (double) sampleRate;
            double f0 = s.f0At(t);
            phase += 2 * Math.PI * f0 / sampleRate;
            if (phase > 2 * Math.PI * 1000) {
                phase -= 2 * Math.PI * 1000;
            }
            int harmonics = (int) Math.min(30, (sampleRate * 0.45) / f0);
            double src = 0;
            for (int k = 1; k <= harmonics; k++) {
                src += Math.sin(k * phase) / k;
            }
            int pos = i - voiced;
            double env = 1;
            if (pos < attack) {
                env = 0.5 - 0.5 * Math.cos(Math.PI * pos / attack);
            } else if (len - pos < release) {
                env = 0.5 - 0.5 * Math.cos(Math.PI * (len - pos) / release);
            }
            double x = src * env;
            double y = DIRECT_SOURCE * x;
            for (int k = 0; k < bank.length; k++) {
                y += FORMANT_GAINS[k] * bank[k].process(x);
            }
            out[i] += (float) (GAIN * s.amplitude() * y);
        }
    }

    /** Sample rate of the rendered audio in Hz. */
    public int sampleRate() {
        return sampleRate;
    }

    /** Convenience for tests and tools: the syllables of {@code plan} voiced at time {@code t}, if any. */
    public static Syllable voicedAt(List<Syllable> syllables, double t) {
        for (Syllable s : syllables) {
            if (t >= s.voicedStart() && t < s.end()) {
                return s;
            }
        }
        return null;
    }
}
