package org.mer4j.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic voice signals with known truth: pulse trains through resonators, glides, noise. */
final class VoiceSignals {
    private VoiceSignals() {
    }

    /** Collected output of a {@link VoiceAnalyzer}. */
    static final class Result {
        final List<float[]> rows = new ArrayList<>();
        final List<Boolean> voiced = new ArrayList<>();
        VoiceAnalyzer analyzer;

        double medianF0Hz() {
            double[] v = rows.stream().filter(r -> r[EgemapsLld.F0_SEMITONE] > 0)
                    .mapToDouble(r -> 27.5 * Math.pow(2, r[EgemapsLld.F0_SEMITONE] / 12.0)).toArray();
            return Signals.median(v);
        }

        double medianVoiced(int column) {
            double[] v = rows.stream().filter(r -> r[EgemapsLld.F0_SEMITONE] > 0 && r[column] != 0)
                    .mapToDouble(r -> r[column]).toArray();
            return Signals.median(v);
        }

        long voicedCount() {
            return voiced.stream().filter(b -> b).count();
        }
    }

    static Result analyze(VoiceConfig cfg, float[] x, int sampleRate) {
        return analyze(cfg, x, sampleRate, true);
    }

    /** As {@link #analyze(VoiceConfig, float[], int)}; {@code all} false runs {@link VoiceAnalyzer#voiceQualityOnly}. */
    static Result analyze(VoiceConfig cfg, float[] x, int sampleRate, boolean all) {
        Result res = new Result();
        VoiceFrameListener listener = (step, lld, v, level, signal) -> {
            if (step != res.rows.size()) {
                throw new AssertionError("step " + step + " out of order");
            }
            res.rows.add(lld.clone());
            res.voiced.add(v);
        };
        res.analyzer = all ? new VoiceAnalyzer(cfg, sampleRate, listener) : VoiceAnalyzer.voiceQualityOnly(cfg, sampleRate, listener);
        int pos = 0;
        int chunk = 777;
        while (pos < x.length) {
            int n = Math.min(chunk, x.length - pos);
            float[] c = new float[n];
            System.arraycopy(x, pos, c, 0, n);
            res.analyzer.accept(c);
            pos += n;
            chunk = chunk == 777 ? 1601 : 777;
        }
        res.analyzer.finish();
        return res;
    }

    /**
     * A glottal-like pulse train: each period is a decaying pulse shape, period and amplitude
     * perturbed by independent random factors (relative jitter and shimmer), filtered by resonators.
     *
     * @param f0 mean F0 in Hz
     * @param jitter relative period perturbation (uniform +-, e.g. 0.01)
     * @param shimmerDb amplitude perturbation in dB (uniform +-)
     * @param formants resonance frequencies (Hz), may be empty
     * @param bandwidths resonance bandwidths (Hz)
     */
    static float[] pulseTrain(double f0, double seconds, int fs, double jitter, double shimmerDb, double[] formants,
                              double[] bandwidths, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = (int) Math.round(seconds * fs);
        double[] src = new double[n];
        double t = 0.002 * fs;
        while (t < n) {
            double period = fs / f0 * (1 + jitter * (2 * rnd.nextDouble() - 1));
            double amp = Math.pow(10, shimmerDb * (2 * rnd.nextDouble() - 1) / 20);
            // band-limited impulse at fractional position t: windowed sinc
            int c = (int) Math.floor(t);
            for (int i = c - 16; i <= c + 16; i++) {
                if (i < 0 || i >= n) {
                    continue;
                }
                double d = i - t;
                double sinc = d == 0 ? 1 : Math.sin(Math.PI * d) / (Math.PI * d);
                double w = 0.5 + 0.5 * Math.cos(Math.PI * d / 17);
                src[i] += amp * sinc * w;
            }
            t += period;
        }
        // glottal roll-off: two one-pole low-passes
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < n; i++) {
            y1 = src[i] + 0.9 * y1;
            y2 = y1 + 0.5 * y2;
            src[i] = y2;
        }
        double[] out = resonate(src, fs, formants, bandwidths);
        return normalise(out, 0.5);
    }

    static double[] resonate(double[] x, int fs, double[] formants, double[] bandwidths) {
        double[] y = x.clone();
        for (int f = 0; f < formants.length; f++) {
            double r = Math.exp(-Math.PI * bandwidths[f] / fs);
            double a1 = -2 * r * Math.cos(2 * Math.PI * formants[f] / fs);
            double a2 = r * r;
            double g = 1 + a1 + a2;
            double p1 = 0;
            double p2 = 0;
            for (int i = 0; i < y.length; i++) {
                double v = g * y[i] - a1 * p1 - a2 * p2;
                p2 = p1;
                p1 = v;
                y[i] = v;
            }
        }
        return y;
    }

    static float[] normalise(double[] x, double peak) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (m > 0 ? x[i] * peak / m : 0);
        }
        return out;
    }

    /** Harmonic tone whose F0 glides exponentially from f0a to f0b. */
    static float[] glide(double f0a, double f0b, double seconds, int fs) {
        int n = (int) Math.round(seconds * fs);
        float[] x = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f = f0a * Math.pow(f0b / f0a, i / (double) n);
            phase += 2 * Math.PI * f / fs;
            double s = 0;
            for (int h = 1; h <= 5; h++) {
                s += Math.sin(h * phase) / h;
            }
            x[i] = (float) (0.25 * s);
        }
        return x;
    }

    /** Adds white Gaussian noise with the given RMS. */
    static float[] addNoise(float[] x, double rms, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double g = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
            y[i] = (float) (x[i] + rms * g);
        }
        return y;
    }
}
