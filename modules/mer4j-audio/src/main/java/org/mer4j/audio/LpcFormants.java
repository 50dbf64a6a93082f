package org.mer4j.audio;

/**
 * Formant frequencies and bandwidths from linear prediction (Markel and Gray, "Linear Prediction of
 * Speech", 1976): like Praat's formant analysis the frame is first brought to a band that holds
 * the formants of interest, here by low-pass filtering (31-tap Hann-windowed sinc at 0.45 of the new
 * rate) and decimating to about 8 kHz (by {@code round(fs/8000)}), then pre-emphasised
 * ({@code 1 - 0.97 z^-1}), Hamming-windowed, its autocorrelation (order {@code 2 + fs'/1000}, 10 at
 * 8 kHz) solved by Levinson-Durbin, and the roots
 * of the predictor polynomial found by the Durand-Kerner (Weierstrass) iteration, warm-started from
 * the previous frame's roots. A root {@code z} with positive angle gives a resonance at
 * {@code arg(z) fs' / 2pi} Hz with bandwidth {@code -ln|z| fs' / pi} Hz; resonances between 90 Hz
 * and {@code min(5500, fs'/2 - 90)} Hz with bandwidth below 600 Hz are sorted and the lowest three
 * are F1-F3. Missing formants are reported as 0.
 */
final class LpcFormants {
    private final int sampleRate;
    private final int order;
    private final int window;
    private final double[] x;
    private final double[] hamming;
    private final double[] ac;
    private final double[] a;
    private final double[] tmp;
    private final double[] re;
    private final double[] im;
    private final double[] nre;
    private final double[] nim;
    private final double[] candF;
    private final double[] candB;
    private boolean warm;

    /** Formant frequencies (Hz) and bandwidths (Hz) of the last frame; 0 when missing. */
    final double[] freq = new double[3];
    final double[] bandwidth = new double[3];

    private final int factor;
    private final int inWindow;
    private final double[] lowpass;
    private final double[] padded;

    LpcFormants(int sampleRate, int window) {
        this.factor = Math.max(1, (int) Math.round(sampleRate / 8000.0));
        this.sampleRate = sampleRate / factor;
        this.inWindow = window;
        this.order = Math.min(24, 2 + this.sampleRate / 1000);
        this.window = window / factor;
        this.lowpass = new double[factor > 1 ? 31 : 1];
        if (factor > 1) {
            double cut = 0.45 / factor;
            double sum = 0;
            for (int i = 0; i < 31; i++) {
                double n = i - 15;
                double sinc = n == 0 ? 2 * cut : Math.sin(2 * Math.PI * cut * n) / (Math.PI * n);
                lowpass[i] = sinc * (0.5 + 0.5 * Math.cos(Math.PI * n / 16));
                sum += lowpass[i];
            }
            for (int i = 0; i < 31; i++) {
                lowpass[i] /= sum;
            }
        } else {
            lowpass[0] = 1;
        }
        this.x = new double[this.window];
        this.padded = new double[window + lowpass.length];
        this.hamming = new double[window];
        for (int i = 0; i < window; i++) {
            hamming[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (this.window - 1));
        }
        this.ac = new double[order + 1];
        this.a = new double[order + 1];
        this.tmp = new double[order + 1];
        this.re = new double[order];
        this.im = new double[order];
        this.nre = new double[order];
        this.nim = new double[order];
        this.candF = new double[order];
        this.candB = new double[order];
    }

    int order() {
        return order;
    }

    /** Analyses the first {@code window} samples of {@code frame}; results in {@link #freq} and {@link #bandwidth}. */
    void analyze(float[] frame) {
        java.util.Arrays.fill(freq, 0);
        java.util.Arrays.fill(bandwidth, 0);
        double prev = 0;
        int taps = lowpass.length;
        int half = taps / 2;
        java.util.Arrays.fill(padded, 0);
        for (int i = 0; i < inWindow; i++) {
            padded[i + half] = frame[i];
        }
        for (int i = 0; i < window; i++) {
            int c = i * factor;
            double v = 0;
            for (int t = 0; t < taps; t++) {
                v += lowpass[t] * padded[c + 2 * half - t];
            }
            x[i] = (v - 0.97 * prev) * hamming[i];
            prev = v;
        }
        for (int lag = 0; lag <= order; lag++) {
            double s = 0;
            for (int i = lag; i < window; i++) {
                s += x[i] * x[i - lag];
            }
            ac[lag] = s;
        }
        if (!(ac[0] > 1e-12)) {
            warm = false;
            return;
        }
        ac[0] *= 1 + 1e-9;
        if (!levinson()) {
            warm = false;
            return;
        }
        if (!roots()) {
            warm = false;
            return;
        }
        int n = 0;
        double top = Math.min(5500, sampleRate / 2.0 - 90);
        for (int i = 0; i < order; i++) {
            if (im[i] <= 0) {
                continue;
            }
            double mag = Math.hypot(re[i], im[i]);
            double f = Math.atan2(im[i], re[i]) * sampleRate / (2 * Math.PI);
            double b = -Math.log(mag) * sampleRate / Math.PI;
            if (f > 90 && f < top && b > 0 && b < 600) {
                candF[n] = f;
                candB[n] = b;
                n++;
            }
        }
        // insertion sort by frequency
        for (int i = 1; i < n; i++) {
            double f = candF[i];
            double b = candB[i];
            int j = i - 1;
            while (j >= 0 && candF[j] > f) {
                candF[j + 1] = candF[j];
                candB[j + 1] = candB[j];
                j--;
            }
            candF[j + 1] = f;
            candB[j + 1] = b;
        }
        for (int i = 0; i < Math.min(3, n); i++) {
            freq[i] = candF[i];
            bandwidth[i] = candB[i];
        }
    }

    /** Levinson-Durbin: a[0]=1, a[1..p] such that x[n] + sum a[k] x[n-k] is the prediction error. */
    private boolean levinson() {
        java.util.Arrays.fill(a, 0);
        a[0] = 1;
        double err = ac[0];
        for (int i = 1; i <= order; i++) {
            double acc = ac[i];
            for (int j = 1; j < i; j++) {
                acc += a[j] * ac[i - j];
            }
            double k = -acc / err;
            if (!Double.isFinite(k) || Math.abs(k) >= 1) {
                return false;
            }
            System.arraycopy(a, 0, tmp, 0, i);
            for (int j = 1; j < i; j++) {
                a[j] = tmp[j] + k * tmp[i - j];
            }
            a[i] = k;
            err *= 1 - k * k;
            if (!(err > 0)) {
                return false;
            }
        }
        return true;
    }

    /** Roots of z^p + a1 z^(p-1) + ... + ap by Durand-Kerner. */
    private boolean roots() {
        if (!warm) {
            for (int i = 0; i < order; i++) {
                double ang = 2 * Math.PI * (i + 0.25) / order;
                re[i] = 0.9 * Math.cos(ang);
                im[i] = 0.9 * Math.sin(ang);
            }
        }
        for (int iter = 0; iter < 80; iter++) {
            double maxStep = 0;
            for (int i = 0; i < order; i++) {
                // p(z) by Horner
                double pr = 1;
                double pi = 0;
                double zr = re[i];
                double zi = im[i];
                for (int k = 1; k <= order; k++) {
                    double t = pr * zr - pi * zi + a[k];
                    pi = pr * zi + pi * zr;
                    pr = t;
                }
                double dr = 1;
                double di = 0;
                for (int j = 0; j < order; j++) {
                    if (j == i) {
                        continue;
                    }
                    double ur = zr - re[j];
                    double ui = zi - im[j];
                    double t = dr * ur - di * ui;
                    di = dr * ui + di * ur;
                    dr = t;
                }
                double den = dr * dr + di * di;
                if (den < 1e-300) {
                    dr = 1e-12;
                    di = 0;
                    den = 1e-24;
                }
                double qr = (pr * dr + pi * di) / den;
                double qi = (pi * dr - pr * di) / den;
                nre[i] = zr - qr;
                nim[i] = zi - qi;
                maxStep = Math.max(maxStep, Math.abs(qr) + Math.abs(qi));
            }
            System.arraycopy(nre, 0, re, 0, order);
            System.arraycopy(nim, 0, im, 0, order);
            if (maxStep < 1e-7) {
                warm = true;
                return true;
            }
        }
        for (int i = 0; i < order; i++) {
            if (!Double.isFinite(re[i]) || !Double.isFinite(im[i])) {
                return false;
            }
        }
        warm = false;
        return true;
    }
}
