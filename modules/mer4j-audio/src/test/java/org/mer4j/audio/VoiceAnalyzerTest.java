package org.mer4j.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoiceAnalyzerTest {
    static final int FS = 16000;

    @ParameterizedTest
    @ValueSource(doubles = {80, 120, 220, 440})
    void f0OfHarmonicToneWithinOnePercent(double f0) {
        VoiceSignals.Result r = VoiceSignals.analyze(VoiceConfig.defaults(), Signals.harmonicTone(f0, 1.0, FS), FS);
        assertEquals(100, r.rows.size(), "1 s at 10 ms hops");
        assertTrue(r.voicedCount() >= 90, "voiced hops " + r.voicedCount());
        assertEquals(f0, r.medianF0Hz(), 0.01 * f0);
        for (int i = 10; i < 90; i++) {
            double hz = 27.5 * Math.pow(2, r.rows.get(i)[EgemapsLld.F0_SEMITONE] / 12.0);
            assertEquals(f0, hz, 0.01 * f0, "hop " + i);
        }
    }

    @Test
    void glideIsTracked() {
        double seconds = 1.0;
        VoiceSignals.Result r = VoiceSignals.analyze(VoiceConfig.defaults(), VoiceSignals.glide(120, 240, seconds, FS), FS);
        for (int i = 10; i < 90; i++) {
            double centre = (i * 0.01 + 0.0125) / seconds;
            double expected = 120 * Math.pow(2, centre);
            double hz = 27.5 * Math.pow(2, r.rows.get(i)[EgemapsLld.F0_SEMITONE] / 12.0);
            assertEquals(expected, hz, 0.02 * expected, "hop " + i);
        }
    }

    @Test
    void jitterAndShimmerOfPerturbedPulseTrainsAreMeasuredAndOrdered() {
        double[] f = {700, 1200, 2600};
        double[] b = {80, 100, 150};
        double[] jit = new double[3];
        double[] shim = new double[3];
        double[] levels = {0.0, 0.01, 0.03};
        for (int i = 0; i < 3; i++) {
            float[] x = VoiceSignals.pulseTrain(125, 3.0, FS, levels[i], 0, f, b, 7 + i);
            VoiceSignals.Result r = VoiceSignals.analyze(VoiceConfig.defaults(), x, FS);
            jit[i] = r.analyzer.jitterLocal();
            float[] y = VoiceSignals.pulseTrain(125, 3.0, FS, 0, 3 * levels[i] * 10, f, b, 17 + i);
            shim[i] = VoiceSignals.analyze(VoiceConfig.defaults(), y, FS).analyzer.shimmerLocalDb();
        }
        System.out.printf("jitter %s shimmer %s%n", java.util.Arrays.toString(jit), java.util.Arrays.toString(shim));
        // uniform +-a relative period noise gives E|P[i]-P[i-1]|/P = 2a/3
        assertTrue(jit[0] < 0.003, "clean train jitter " + jit[0]);
        assertEquals(2 * 0.01 / 3, jit[1], 0.3 * 2 * 0.01 / 3, "1% jitter");
        assertEquals(2 * 0.03 / 3, jit[2], 0.3 * 2 * 0.03 / 3, "3% jitter");
        assertTrue(jit[0] < jit[1] && jit[1] < jit[2]);
        assertTrue(shim[0] < 0.1, "clean train shimmer " + shim[0]);
        assertTrue(shim[0] < shim[1] && shim[1] < shim[2]);
        // uniform +-s dB gives E|dB[i]-dB[i-1]| = 2s/3
        assertEquals(2 * 0.3 / 3, shim[1], 0.35 * 2 * 0.3 / 3, "0.3 dB shimmer");
        assertEquals(2 * 0.9 / 3, shim[2], 0.35 * 2 * 0.9 / 3, "0.9 dB shimmer");
    }

    @Test
    void hnrFallsAsNoiseRises() {
        float[] x = Signals.harmonicTone(150, 1.5, FS);
        double[] hnr = new double[3];
        double[] noise = {0.005, 0.03, 0.1};
        for (int i = 0; i < 3; i++) {
            hnr[i] = VoiceSignals.analyze(VoiceConfig.defaults(), VoiceSignals.addNoise(x, noise[i], 3), FS).analyzer.meanHnrDb();
        }
        System.out.printf("HNR %s%n", java.util.Arrays.toString(hnr));
        assertTrue(hnr[0] > hnr[1] + 3 && hnr[1] > hnr[2] + 3, java.util.Arrays.toString(hnr));
        assertTrue(hnr[0] > 15, "nearly clean tone HNR " + hnr[0]);
    }

    @Test
    void voiceQualityOnlyMatchesTheFullAnalysisOnItsColumns() {
        float[] x = VoiceSignals.addNoise(VoiceSignals.pulseTrain(130, 1.2, FS, 0.01, 0.4, new double[] {700, 1220, 2600},
                new double[] {80, 100, 150}, 7),
                0.01, 5);
        VoiceSignals.Result full = VoiceSignals.analyze(VoiceConfig.defaults().withRange(75, 600), x, FS, true);
        VoiceSignals.Result vq = VoiceSignals.analyze(VoiceConfig.defaults().withRange(75, 600), x, FS, false);
        assertEquals(full.rows.size(), vq.rows.size());
        assertTrue(full.voicedCount() > full.rows.size() / 2, "the pulse train is mostly voiced");
        assertEquals(full.voiced, vq.voiced);
        int[] same = {EgemapsLld.F0_SEMITONE, EgemapsLld.JITTER, EgemapsLld.SHIMMER_DB, EgemapsLld.HNR_DB};
        boolean spectralNonZero = false;
        for (int t = 0; t < full.rows.size(); t++) {
            for (int c : same) {
                assertEquals(full.rows.get(t)[c], vq.rows.get(t)[c], 0f, "hop " + t + " column " + c);
            }
            for (int c = 0; c < EgemapsLld.DIM; c++) {
                boolean kept = false;
                for (int k : same) {
                    kept |= k == c;
                }
                if (!kept) {
                    assertEquals(0f, vq.rows.get(t)[c], "voice-quality-only leaves column " + c + " at 0 (hop " + t + ")");
                    spectralNonZero |= full.rows.get(t)[c] != 0f;
                }
            }
        }
        assertTrue(spectralNonZero, "the full analysis fills the other columns");
        assertEquals(full.analyzer.jitterLocal(), vq.analyzer.jitterLocal(), 0);
        assertEquals(full.analyzer.shimmerLocalDb(), vq.analyzer.shimmerLocalDb(), 0);
        assertEquals(full.analyzer.meanHnrDb(), vq.analyzer.meanHnrDb(), 0);
    }

    @Test
    void formantsOfSyntheticVowelWithinTenPercent() {
        double[] f = {700, 1220, 2600};
        double[] b = {80, 90, 120};
        float[] x = VoiceSignals.pulseTrain(110, 1.0, FS, 0, 0, f, b, 1);
        VoiceSignals.Result r = VoiceSignals.analyze(VoiceConfig.defaults(), x, FS);
        for (int i = 1; i <= 3; i++) {
            double got = r.medianVoiced(EgemapsLld.formantFrequency(i));
            System.out.printf("F%d %.1f (bw %.1f)%n", i, got, r.medianVoiced(EgemapsLld.formantBandwidth(i)));
            assertEquals(f[i - 1], got, 0.1 * f[i - 1], "F" + i);
        }
    }

    @Test
    void silenceAndClippingStayFinite() {
        for (float[] x : new float[][] {new float[FS], clipped()}) {
            VoiceSignals.Result r = VoiceSignals.analyze(VoiceConfig.defaults(), x, FS);
            assertEquals(100, r.rows.size());
            for (float[] row : r.rows) {
                for (float v : row) {
                    assertTrue(Float.isFinite(v), java.util.Arrays.toString(row));
                }
            }
        }
        VoiceSignals.Result s = VoiceSignals.analyze(VoiceConfig.defaults(), new float[FS], FS);
        assertEquals(0, s.voicedCount(), "silence is unvoiced");
        assertEquals(0f, s.rows.get(50)[EgemapsLld.LOUDNESS]);
    }

    private static float[] clipped() {
        float[] x = Signals.harmonicTone(200, 1.0, FS);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-0.05f, Math.min(0.05f, x[i] * 20));
        }
        return x;
    }
}
