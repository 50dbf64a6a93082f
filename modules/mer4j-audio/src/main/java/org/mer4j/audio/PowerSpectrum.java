package org.mer4j.audio;

import be.tarsos.dsp.util.fft.FFT;
import java.util.Arrays;

/**
 * Hamming-windowed power spectrum of one frame through TarsosDSP's FFT, zero-padded to a power of
 * two and scaled so that a full-scale sine at a bin centre gives a power of about 1 at that bin.
 */
final class PowerSpectrum {
    private final int window;
    private final int fftSize;
    private final FFT fft;
    private final float[] hamming;
    private final float[] buf;
    private final double scale;

    PowerSpectrum(int window) {
        this.window = window;
        this.fftSize = Integer.highestOneBit(Math.max(2, window) - 1) << 1;
        this.fft = new FFT(fftSize);
        this.hamming = new float[window];
        double sum = 0;
        for (int i = 0; i < window; i++) {
            hamming[i] = (float) (0.54 - 0.46 * Math.cos(2 * Math.PI * i / (window - 1)));
            sum += hamming[i];
        }
        this.scale = 4 / (sum * sum);
        this.buf = new float[fftSize];
    }

    int fftSize() {
        return fftSize;
    }

    int bins() {
        return fftSize / 2 + 1;
    }

    /** Fills {@code power} ({@link #bins()} values) from the first {@code window} samples of {@code frame}. */
    void compute(float[] frame, double[] power) {
        for (int i = 0; i < window; i++) {
            buf[i] = frame[i] * hamming[i];
        }
        Arrays.fill(buf, window, fftSize, 0f);
        fft.forwardTransform(buf);
        int half = fftSize / 2;
        power[0] = buf[0] * (double) buf[0] * scale;
        power[half] = buf[1] * (double) buf[1] * scale;
        for (int k = 1; k < half; k++) {
            double re = buf[2 * k];
            double im = buf[2 * k + 1];
            power[k] = (re * re + im * im) * scale;
        }
    }
}
