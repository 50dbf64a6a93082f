package org.mer4j.audio;

import be.tarsos.dsp.util.fft.FFT;

/**
 * Mel-frequency cepstral coefficients of one window (Davis and Mermelstein, "Comparison of
 * parametric representations for monosyllabic word recognition", IEEE TASSP 1980), HTK style:
 * Hamming window, zero-padding to a power of two, power spectrum (TarsosDSP FFT), triangular filters
 * equally spaced on the mel scale {@code 2595 log10(1 + f/700)}, natural log (floored at 1e-10),
 * orthonormal DCT-II. The filterbank and DCT are computed here because TarsosDSP's {@code MFCC}
 * processor wants its AudioEvent plumbing and mirrors the spectrum.
 */
public final class MelCepstrum implements HopAnalyzer {
    private final MfccConfig cfg;
    private final int window;
    private final int fftSize;
    private final FFT fft;
    private final float[] hamming;
    private final float[] fftBuffer;
    private final double[] power;
    private final double[][] filters;
    private final double[][] dct;
    private final double[] logMel;

    public MelCepstrum(MfccConfig cfg, int sampleRate) {
        this.cfg = cfg;
        this.window = Math.max(2, (int) Math.round(cfg.windowSeconds() * sampleRate));
        this.fftSize = Integer.highestOneBit(window - 1) << 1;
        this.fft = new FFT(fftSize);
        this.hamming = new float[window];
        for (int i = 0; i < window; i++) {
            hamming[i] = (float) (0.54 - 0.46 * Math.cos(2 * Math.PI * i / (window - 1)));
        }
        this.fftBuffer = new float[fftSize];
        this.power = new double[fftSize / 2 + 1];
        this.filters = melFilters(cfg.melBands(), fftSize, sampleRate, cfg.lowHz(), Math.min(cfg.highHz(), sampleRate / 2.0));
        this.dct = dctMatrix(cfg.coefficients(), cfg.melBands());
        this.logMel = new double[cfg.melBands()];
    }

    @Override
    public int dim() {
        return cfg.coefficients();
    }

    @Override
    public boolean analyze(float[] samples, float[] row) {
        boolean signal = Levels.rmsDb(samples) > cfg.silenceDb();
        java.util.Arrays.fill(fftBuffer, 0f);
        int n = Math.min(window, samples.length);
        for (int i = 0; i < n; i++) {
            fftBuffer[i] = samples[i] * hamming[i];
        }
        fft.forwardTransform(fftBuffer);
        // JTransforms real layout: [Re0, Re(n/2), Re1, Im1, Re2, Im2, ...]
        power[0] = fftBuffer[0] * (double) fftBuffer[0];
        power[fftSize / 2] = fftBuffer[1] * (double) fftBuffer[1];
        for (int k = 1; k < fftSize / 2; k++) {
            double re = fftBuffer[2 * k];
            double im = fftBuffer[2 * k + 1];
            power[k] = re * re + im * im;
        }
        for (int m = 0; m < filters.length; m++) {
            double e = 0;
            double[] w = filters[m];
            for (int k = 0; k < w.length; k++) {
                e += w[k] * power[k];
            }
            logMel[m] = Math.log(Math.max(e, 1e-10));
        }
        for (int c = 0; c < row.length; c++) {
            double s = 0;
            for (int m = 0; m < logMel.length; m++) {
                s += dct[c][m] * logMel[m];
            }
            row[c] = (float) s;
        }
        return signal;
    }

    static double hzToMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    static double melToHz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** Triangular filters over the {@code fftSize/2+1} power bins. */
    static double[][] melFilters(int bands, int fftSize, int sampleRate, double lowHz, double highHz) {
        double lowMel = hzToMel(lowHz);
        double highMel = hzToMel(highHz);
        double[] edgesHz = new double[bands + 2];
        for (int i = 0; i < edgesHz.length; i++) {
            edgesHz[i] = melToHz(lowMel + (highMel - lowMel) * i / (bands + 1));
        }
        int bins = fftSize / 2 + 1;
        double[][] f = new double[bands][bins];
        for (int m = 0; m < bands; m++) {
            double left = edgesHz[m];
            double centre = edgesHz[m + 1];
            double right = edgesHz[m + 2];
            for (int k = 0; k < bins; k++) {
                double hz = k * (double) sampleRate / fftSize;
                if (hz > left && hz < right) {
                    f[m][k] = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
                }
            }
        }
        return f;
    }

    /** Orthonormal DCT-II rows 0..coefficients-1 over {@code bands} inputs. */
    static double[][] dctMatrix(int coefficients, int bands) {
        double[][] d = new double[coefficients][bands];
        for (int c = 0; c < coefficients; c++) {
            double scale = Math.sqrt((c == 0 ? 1.0 : 2.0) / bands);
            for (int m = 0; m < bands; m++) {
                d[c][m] = scale * Math.cos(Math.PI * c * (m + 0.5) / bands);
            }
        }
        return d;
    }
}
