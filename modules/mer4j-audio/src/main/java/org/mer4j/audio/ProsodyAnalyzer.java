package org.mer4j.audio;

import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.Yin;

/**
 * One prosody row per window: F0 by YIN (de Cheveigné and Kawahara, "YIN, a fundamental frequency
 * estimator for speech and music", JASA 2002; TarsosDSP's implementation), voicing and RMS energy.
 * Columns: {@code [F0 semitones re 27.5 Hz (0 unvoiced), voiced 0/1, voicing probability, RMS dB]}.
 * A step is voiced when YIN finds a period below its threshold, the F0 lies in
 * [minF0, maxF0] and the level is above the silence threshold; the mask is the level test alone.
 */
public final class ProsodyAnalyzer implements HopAnalyzer {
    /** Column of the F0 in semitones. */
    public static final int F0_SEMITONES = 0;
    /** Column of the voicing decision (1 voiced, 0 not). */
    public static final int VOICED = 1;
    /** Column of YIN's periodicity (1 - aperiodicity), 0 when unvoiced. */
    public static final int VOICING_PROBABILITY = 2;
    /** Column of the RMS level in dB re full scale, floored at -100. */
    public static final int RMS_DB = 3;

    private final ProsodyConfig cfg;
    private final Yin yin;

    public ProsodyAnalyzer(ProsodyConfig cfg, int sampleRate) {
        this.cfg = cfg;
        int window = Math.max(1, (int) Math.round(cfg.windowSeconds() * sampleRate));
        this.yin = new Yin(sampleRate, window, cfg.yinThreshold());
    }

    @Override
    public int dim() {
        return 4;
    }

    /** F0 in Hz of a window, or NaN when unvoiced (no pitch, out of range, silent). */
    public double pitchHz(float[] window) {
        float[] r = new float[dim()];
        analyze(window, r);
        return r[VOICED] > 0 ? 27.5 * Math.pow(2, r[F0_SEMITONES] / 12.0) : Double.NaN;
    }

    @Override
    public boolean analyze(float[] window, float[] row) {
        double db = Levels.rmsDb(window);
        boolean signal = db > cfg.silenceDb();
        float f0 = 0;
        float voiced = 0;
        float probability = 0;
        if (signal) {
            PitchDetectionResult r = yin.getPitch(window);
            double hz = r.getPitch();
            float p = r.getProbability();
            if (r.isPitched() && Double.isFinite(hz) && hz >= cfg.minF0() && hz <= cfg.maxF0() && Float.isFinite(p)) {
                f0 = (float) Levels.semitonesReA0(hz);
                voiced = 1;
                probability = Math.max(0, Math.min(1, p));
            }
        }
        row[F0_SEMITONES] = f0;
        row[VOICED] = voiced;
        row[VOICING_PROBABILITY] = probability;
        row[RMS_DB] = (float) db;
        return signal;
    }
}
