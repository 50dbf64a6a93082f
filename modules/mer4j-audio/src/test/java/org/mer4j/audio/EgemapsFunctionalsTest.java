package org.mer4j.audio;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EgemapsFunctionalsTest {
    static final double HOP = 0.01;

    @Test
    void eightyEightNamesInOpenSmileOrder() {
        assertEquals(88, EgemapsFunctionals.NAMES.size());
        assertEquals(88, new HashSet<>(EgemapsFunctionals.NAMES).size(), "names are unique");
        assertEquals("F0semitoneFrom27.5Hz_sma3nz_amean", EgemapsFunctionals.NAMES.get(0));
        assertEquals("F0semitoneFrom27.5Hz_sma3nz_stddevFallingSlope", EgemapsFunctionals.NAMES.get(9));
        assertEquals("loudness_sma3_amean", EgemapsFunctionals.NAMES.get(10));
        assertEquals("spectralFlux_sma3_amean", EgemapsFunctionals.NAMES.get(20));
        assertEquals("mfcc1_sma3_amean", EgemapsFunctionals.NAMES.get(22));
        assertEquals("jitterLocal_sma3nz_amean", EgemapsFunctionals.NAMES.get(30));
        assertEquals("HNRdBACF_sma3nz_amean", EgemapsFunctionals.NAMES.get(34));
        assertEquals("F1frequency_sma3nz_amean", EgemapsFunctionals.NAMES.get(40));
        assertEquals("F3amplitudeLogRelF0_sma3nz_stddevNorm", EgemapsFunctionals.NAMES.get(57));
        assertEquals("alphaRatioV_sma3nz_amean", EgemapsFunctionals.NAMES.get(58));
        assertEquals("mfcc4V_sma3nz_stddevNorm", EgemapsFunctionals.NAMES.get(75));
        assertEquals("alphaRatioUV_sma3nz_amean", EgemapsFunctionals.NAMES.get(76));
        assertEquals("spectralFluxUV_sma3nz_amean", EgemapsFunctionals.NAMES.get(80));
        assertEquals("loudnessPeaksPerSec", EgemapsFunctionals.NAMES.get(81));
        assertEquals("equivalentSoundLevel_dBp", EgemapsFunctionals.NAMES.get(87));
        assertEquals(25, EgemapsLld.NAMES.size());
    }

    private static double f(double[] out, String name) {
        return out[EgemapsFunctionals.NAMES.indexOf(name)];
    }

    /** Loudness 1,2,3,4,5,4,3,2,1 (all hops); F0 voiced on hops 2..6 with 10,12,14,13,12 semitones. */
    private static LldBuffer handContour() {
        LldBuffer b = new LldBuffer();
        double[] loud = {1, 2, 3, 4, 5, 4, 3, 2, 1};
        double[] f0 = {0, 0, 10, 12, 14, 13, 12, 0, 0};
        for (int i = 0; i < loud.length; i++) {
            float[] row = new float[EgemapsLld.DIM];
            row[EgemapsLld.LOUDNESS] = (float) loud[i];
            row[EgemapsLld.F0_SEMITONE] = (float) f0[i];
            row[EgemapsLld.ALPHA_RATIO] = f0[i] > 0 ? -10 : -20;
            b.add(row, f0[i] > 0, i < 8 ? -20 : -40, true, false);
        }
        return b;
    }

    @Test
    void handComputedContourFunctionals() {
        double[] out = new double[88];
        LldBuffer b = handContour();
        EgemapsFunctionals.compute(b, 0, b.rows(), HOP, out, 0);
        // loudness: mean 25/9, population sd sqrt(mean(x^2) - mean^2)
        double mean = 25.0 / 9;
        double sd = Math.sqrt((1 + 4 + 9 + 16 + 25 + 16 + 9 + 4 + 1) / 9.0 - mean * mean);
        assertEquals(mean, f(out, "loudness_sma3_amean"), 1e-6);
        assertEquals(sd / mean, f(out, "loudness_sma3_stddevNorm"), 1e-6);
        // sorted 1,1,2,2,3,3,4,4,5: p20 at 1.6 -> 1.6 ; p50 at 4 -> 3 ; p80 at 6.4 -> 4
        assertEquals(1.6, f(out, "loudness_sma3_percentile20.0"), 1e-6);
        assertEquals(3, f(out, "loudness_sma3_percentile50.0"), 1e-6);
        assertEquals(4, f(out, "loudness_sma3_percentile80.0"), 1e-6);
        assertEquals(2.4, f(out, "loudness_sma3_pctlrange0-2"), 1e-6);
        // one rise of 4 over 4 hops, one fall of 4 over 4 hops: 100 units/s each
        assertEquals(100, f(out, "loudness_sma3_meanRisingSlope"), 1e-4);
        assertEquals(0, f(out, "loudness_sma3_stddevRisingSlope"), 1e-6);
        assertEquals(100, f(out, "loudness_sma3_meanFallingSlope"), 1e-4);
        // F0 over voiced hops: 10,12,14,13,12 -> mean 12.2; rise 4 over 2 hops = 200/s; fall 2 over 2 hops = 100/s
        assertEquals(12.2, f(out, "F0semitoneFrom27.5Hz_sma3nz_amean"), 1e-5);
        assertEquals(12, f(out, "F0semitoneFrom27.5Hz_sma3nz_percentile50.0"), 1e-6);
        assertEquals(200, f(out, "F0semitoneFrom27.5Hz_sma3nz_meanRisingSlope"), 1e-3);
        assertEquals(100, f(out, "F0semitoneFrom27.5Hz_sma3nz_meanFallingSlope"), 1e-3);
        // V / UV means of alpha ratio
        assertEquals(-10, f(out, "alphaRatioV_sma3nz_amean"), 1e-6);
        assertEquals(-20, f(out, "alphaRatioUV_sma3nz_amean"), 1e-6);
        // segments: voiced run of 5 hops; unvoiced runs of 2 and 2 hops; 0.09 s in all
        assertEquals(1 / 0.09, f(out, "VoicedSegmentsPerSec"), 1e-6);
        assertEquals(0.05, f(out, "MeanVoicedSegmentLengthSec"), 1e-9);
        assertEquals(0, f(out, "StddevVoicedSegmentLengthSec"), 1e-9);
        assertEquals(0.02, f(out, "MeanUnvoicedSegmentLength"), 1e-9);
        // one loudness peak in 0.09 s
        assertEquals(1 / 0.09, f(out, "loudnessPeaksPerSec"), 1e-6);
        // Leq of eight hops at -20 dB and one at -40 dB
        double leq = 10 * Math.log10((8 * 0.01 + 1e-4) / 9);
        assertEquals(leq, f(out, "equivalentSoundLevel_dBp"), 1e-4);
    }

    @Test
    void emptyVoicingGivesZeroFillsNotNaN() {
        LldBuffer b = new LldBuffer();
        for (int i = 0; i < 50; i++) {
            b.add(new float[EgemapsLld.DIM], false, Levels.FLOOR_DB, false, false);
        }
        double[] out = new double[88];
        EgemapsFunctionals.compute(b, 0, b.rows(), HOP, out, 0);
        for (int i = 0; i < 88; i++) {
            assertTrue(Double.isFinite(out[i]), EgemapsFunctionals.NAMES.get(i));
        }
        assertEquals(0, f(out, "F0semitoneFrom27.5Hz_sma3nz_amean"));
        assertEquals(0, f(out, "VoicedSegmentsPerSec"));
        assertEquals(Levels.FLOOR_DB, f(out, "equivalentSoundLevel_dBp"), 1e-9);
    }

    @Test
    void pauseStatsFromEvidenceFlags() {
        LldBuffer b = new LldBuffer();
        // speech 0.5 s, pause 0.4 s, speech 0.3 s, pause 0.1 s (too short), speech 0.2 s, trailing silence 0.5 s
        int[][] runs = {{1, 50}, {0, 40}, {1, 30}, {0, 10}, {1, 20}, {0, 50}};
        for (int[] r : runs) {
            for (int i = 0; i < r[1]; i++) {
                b.add(new float[EgemapsLld.DIM], r[0] == 1, -20, r[0] == 1, r[0] == 1 && i == 5);
            }
        }
        PauseStats p = PauseStats.fromBuffer(b, 0, b.rows(), HOP, 0.25);
        double dur = 2.0;
        assertEquals(1 / dur, p.pausesPerSec(), 1e-9);
        assertEquals(0.4, p.meanPauseSec(), 1e-9);
        assertEquals(0.4, p.maxPauseSec(), 1e-9);
        assertEquals(0.4 / dur, p.pauseTimeRatio(), 1e-9);
        assertEquals(3 / dur, p.speechRate(), 1e-9);
        assertEquals(3 / 1.0, p.articulationRate(), 1e-9);
    }
}
