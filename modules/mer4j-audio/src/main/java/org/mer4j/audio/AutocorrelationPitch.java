package org.mer4j.audio;

import be.tarsos.dsp.util.fft.FFT;

/**
 * Pitch candidates of one frame by Boersma's windowed autocorrelation ("Accurate short-term
 * analysis of the fundamental frequency and the harmonics-to-noise ratio of a sampled sound",
 * IFA Proceedings 17, 1993): the mean-removed frame (three periods of the pitch floor) is
 * Hann-windowed, its autocorrelation is computed through TarsosDSP's FFT, normalised and divided by
 * the window's own autocorrelation; peaks between the ceiling and floor lags are refined by
 * parabolic interpolation and scored {@code r - octaveCost * log2(minF0 * lag)}; the unvoiced
 * candidate scores {@code voicingThreshold + max(0, 2 - (localPeak/globalPeak) / (silenceThreshold /
 * (1 + voicingThreshold)))}. TarsosDSP's YIN and MPM return a single estimate per frame, which leaves
 * nothing for a path search to choose from; that is why the candidates are computed here.
 *
 * <p>The frame's Hann power spectrum (a by-product) is kept for the harmonic levels (H1, H2, A3).
 */
final class AutocorrelationPitch {
    static final int MAX_CANDIDATES = 15;

    private final VoiceConfig cfg;
    private final int sampleRate;
    private final int window;
    private final int minLag;
    private final int maxLag;
    private final int fftSize;
    private final FFT fft;
    private final float[] hann;
    private final double[] windowAc;
    private final float[] buf;
    private final double[] nac;

    AutocorrelationPitch(VoiceConfig cfg, int sampleRate) {
        this.cfg = cfg;
        this.sampleRate = sampleRate;
        this.window = windowSamples(cfg, sampleRate);
        this.minLag = Math.max(2, (int) Math.floor(sampleRate / cfg.maxF0()));
        this.maxLag = Math.min(window - 2, (int) Math.ceil(sampleRate / cfg.minF0()));
        int n = 1;
        while (n < window + maxLag + 2) {
            n <<= 1;
        }
        this.fftSize = n;
        this.fft = new FFT(fftSize);
        this.hann = new float[window];
        for (int i = 0; i < window; i++) {
            hann[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / window));
        }
        this.windowAc = new double[maxLag + 2];
        double w0 = 0;
        for (int i = 0; i < window; i++) {
            w0 += hann[i] * (double) hann[i];
        }
        for (int lag = 0; lag < windowAc.length; lag++) {
            double s = 0;
            for (int i = 0; i + lag < window; i++) {
                s += hann[i] * (double) hann[i + lag];
            }
            windowAc[lag] = s / w0;
        }
        this.buf = new float[fftSize];
        this.nac = new double[maxLag + 2];
    }

    /** Frame length in samples: three periods of the pitch floor. */
    static int windowSamples(VoiceConfig cfg, int sampleRate) {
        return (int) Math.round(3.0 * sampleRate / cfg.minF0());
    }

    int window() {
        return window;
    }

    int fftSize() {
        return fftSize;
    }

    /**
     * Finds the candidates of a frame.
     *
     * @param frame {@link #window()} samples
     * @param globalPeak the largest absolute sample seen in the stream so far (0 for none)
     * @param power receives the {@code fftSize/2+1} Hann power spectrum
     * @param out receives the candidates
     */
    void analyze(float[] frame, double globalPeak, float[] power, PitchCandidates out) {
        double mean = 0;
        for (int i = 0; i < window; i++) {
            mean += frame[i];
        }
        mean /= window;
        double localPeak = 0;
        for (int i = 0; i < window; i++) {
            double v = frame[i] - mean;
            localPeak = Math.max(localPeak, Math.abs(v));
            buf[i] = (float) (v * hann[i]);
        }
        java.util.Arrays.fill(buf, window, fftSize, 0f);
        out.count = 1;
        out.freq[0] = 0;
        out.r[0] = 0;
        double vt = cfg.voicingThreshold();
        double peakRatio = globalPeak > 0 ? localPeak / globalPeak : 0;
        out.strength[0] = vt + Math.max(0, 2 - peakRatio / (cfg.silenceThreshold() / (1 + vt)));
        if (localPeak <= 0) {
            java.util.Arrays.fill(power, 0f);
            return;
        }
        fft.forwardTransform(buf);
        int half = fftSize / 2;
        power[0] = buf[0] * buf[0];
        power[half] = buf[1] * buf[1];
        for (int k = 1; k < half; k++) {
            power[k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
        }
        buf[0] = power[0];
        buf[1] = power[half];
        for (int k = 1; k < half; k++) {
            buf[2 * k] = power[k];
            buf[2 * k + 1] = 0f;
        }
        fft.backwardsTransform(buf);
        double r0 = buf[0];
        if (!(r0 > 0)) {
            return;
        }
        for (int lag = 0; lag <= maxLag + 1; lag++) {
            nac[lag] = buf[lag] / r0 / windowAc[lag];
        }
        double minR = 0.5 * vt;
        for (int lag = Math.max(1, minLag); lag <= maxLag; lag++) {
            double y0 = nac[lag - 1];
            double y1 = nac[lag];
            double y2 = nac[lag + 1];
            if (y1 < minR || y1 < y0 || y1 < y2) {
                continue;
            }
            double denom = y0 - 2 * y1 + y2;
            double dx = denom < 0 ? 0.5 * (y0 - y2) / denom : 0;
            dx = Math.max(-0.5, Math.min(0.5, dx));
            double peak = y1 - 0.25 * (y0 - y2) * dx;
            if (peak > 1) {
                peak = 1 / peak;
            }
            double lagExact = lag + dx;
            double f = sampleRate / lagExact;
            if (f < cfg.minF0() || f > cfg.maxF0()) {
                continue;
            }
            double strength = peak - cfg.octaveCost() * Math.log(cfg.minF0() * lagExact / sampleRate) / Math.log(2);
            insert(out, f, peak, strength);
        }
    }

    /** Keeps the best {@link #MAX_CANDIDATES}-1 voiced candidates by strength. */
    private static void insert(PitchCandidates out, double f, double r, double strength) {
        int slot;
        if (out.count < out.freq.length) {
            slot = out.count++;
        } else {
            slot = -1;
            double worst = strength;
            for (int i = 1; i < out.count; i++) {
                if (out.strength[i] < worst) {
                    worst = out.strength[i];
                    slot = i;
                }
            }
            if (slot < 0) {
                return;
            }
        }
        out.freq[slot] = f;
        out.r[slot] = r;
        out.strength[slot] = strength;
    }
}
