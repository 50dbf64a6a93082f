package org.mer4j.audio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mer4j.api.FeatureTrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PitchAccuracyTest {

    @ParameterizedTest
    @ValueSource(doubles = {110, 220, 330})
    void medianF0OfHarmonicToneWithinOnePercent(double f0) throws Exception {
        FeatureTrack t = Signals.run(new ProsodyExtractor(ProsodyConfig.defaults()), Signals.harmonicTone(f0, 1.0, 16000), 16000);
        assertEquals(100, t.length(), "1 s at 10 ms hops");
        assertEquals(4, t.dim());
        double median = Signals.medianVoicedF0(t);
        assertEquals(f0, median, 0.01 * f0, "median F0");
        long voiced = java.util.stream.IntStream.range(0, t.length()).filter(i -> t.get(i, ProsodyAnalyzer.VOICED) > 0).count();
        assertTrue(voiced >= 90, "voiced steps " + voiced);
        assertTrue(t.get(50, ProsodyAnalyzer.VOICING_PROBABILITY) > 0.8f, "voicing probability of a clean tone");
        assertEquals(0.01, t.times()[1] - t.times()[0], 1e-12);
    }

    @Test
    void silenceIsUnvoicedMaskedAndFinite() throws Exception {
        FeatureTrack t = Signals.run(new ProsodyExtractor(ProsodyConfig.defaults()), new float[8000], 16000);
        assertEquals(50, t.length());
        for (int i = 0; i < t.length(); i++) {
            assertFalse(t.mask()[i], "silent step " + i + " must be masked");
            assertEquals(0f, t.get(i, ProsodyAnalyzer.VOICED));
            assertEquals(0f, t.get(i, ProsodyAnalyzer.F0_SEMITONES));
            assertEquals((float) Levels.FLOOR_DB, t.get(i, ProsodyAnalyzer.RMS_DB));
        }
        for (float v : t.values()) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void toneThenSilenceSwitchesVoicingAtTheBoundary() throws Exception {
        float[] tone = Signals.harmonicTone(200, 0.5, 16000);
        float[] x = new float[16000];
        System.arraycopy(tone, 0, x, 0, tone.length);
        FeatureTrack t = Signals.run(new ProsodyExtractor(ProsodyConfig.defaults()), x, 16000);
        assertEquals(1f, t.get(20, ProsodyAnalyzer.VOICED));
        assertEquals(0f, t.get(80, ProsodyAnalyzer.VOICED));
        assertTrue(t.get(20, ProsodyAnalyzer.RMS_DB) > -20, "tone level");
        assertTrue(t.mask()[20] && !t.mask()[80]);
    }
}
