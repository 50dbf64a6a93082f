package org.mer4j.audio;

/**
 * Log mel filterbank energies of one window, the usual input of neural audio encoders: Hamming
 * window, power spectrum (TarsosDSP FFT), HTK triangular mel filters ({@link MelCepstrum#melFilters}),
 * natural log floored at 1e-10 (so silence gives log(1e-10), about -23.03, never -inf).
 */
public final class LogMelAnalyzer implements HopAnalyzer {
    /** Value of an empty band: ln(1e-10). */
    public static final float FLOOR = (float) Math.log(1e-10);
    private final LogMelConfig cfg;
    private final int window;
    private final PowerSpectrum spectrum;
    private final double[] power;
    private final double[][] filters;

    public LogMelAnalyzer(LogMelConfig cfg, int sampleRate) {
        this.cfg = cfg;
        this.window = Math.max(2, (int) Math.round(cfg.windowSeconds() * sampleRate));
        this.spectrum = new PowerSpectrum(window);
        this.power = new double[spectrum.bins()];
        this.filters = MelCepstrum.melFilters(cfg.melBands(), spectrum.fftSize(), sampleRate, cfg.lowHz(),
                Math.min(cfg.highHz(), sampleRate / 2.0));
    }

    @Override
    public int dim() {
        return cfg.melBands();
    }

    @Override
    public boolean analyze(float[] samples, float[] row) {
        boolean signal = Levels.rmsDb(samples) > cfg.silenceDb();
        spectrum.compute(samples, power);
        for (int m = 0; m < filters.length; m++) {
            double e = 0;
            double[] w = filters[m];
            for (int k = 0; k < w.length; k++) {
                e += w[k] * power[k];
            }
            row[m] = (float) Math.log(Math.max(e, 1e-10));
        }
        return signal;
    }
}
