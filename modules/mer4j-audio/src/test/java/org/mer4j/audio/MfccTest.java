package org.mer4j.audio;

import org.junit.jupiter.api.Test;
import org.mer4j.api.FeatureTrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MfccTest {

    @Test
    void thirteenFiniteCoefficientsPerTenMilliseconds() throws Exception {
        FeatureTrack t = Signals.run(new MfccExtractor(MfccConfig.defaults()), Signals.harmonicTone(150, 0.5, 16000), 16000);
        assertEquals(13, t.dim());
        assertEquals(50, t.length());
        for (float v : t.values()) {
            assertTrue(Float.isFinite(v), "non-finite MFCC");
        }
        assertTrue(t.mask()[10]);
    }

    @Test
    void spectrumShapeChangesTheCepstrum() throws Exception {
        FeatureTrack low = Signals.run(new MfccExtractor(MfccConfig.defaults()), Signals.harmonicTone(120, 0.3, 16000), 16000);
        FeatureTrack high = Signals.run(new MfccExtractor(MfccConfig.defaults()), Signals.harmonicTone(1200, 0.3, 16000), 16000);
        // spectral tilt (c1) differs strongly between a low and a high tone
        assertTrue(Math.abs(low.get(10, 1) - high.get(10, 1)) > 1.0, "c1 " + low.get(10, 1) + " vs " + high.get(10, 1));
        // stationary tone: consecutive frames far closer to each other than to the other tone
        double within = distance(low.row(10), low.row(20));
        double between = distance(low.row(10), high.row(10));
        assertTrue(within < between / 3, "within " + within + " between " + between);
        assertNotEquals(low.get(10, 0), high.get(10, 0));
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void melFiltersCoverTheBandAndDctIsOrthonormal() {
        double[][] f = MelCepstrum.melFilters(40, 512, 16000, 20, 8000);
        for (double[] band : f) {
            double peak = 0;
            for (double w : band) {
                peak = Math.max(peak, w);
            }
            assertTrue(peak > 0.3, "every filter touches some bin");
        }
        double[][] d = MelCepstrum.dctMatrix(13, 40);
        for (int a = 0; a < 13; a++) {
            for (int b = 0; b < 13; b++) {
                double dot = 0;
                for (int m = 0; m < 40; m++) {
                    dot += d[a][m] * d[b][m];
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-9);
            }
        }
    }

    @Test
    void configValidationNamesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MfccConfig(50, 40, 0.01, 0.025, 20, 8000, -60));
        assertTrue(e.getMessage().contains("mfcc.coefficients"), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> new ProsodyConfig(55, 1000, 0.01, 0.02, 0.2, -60));
        assertTrue(p.getMessage().contains("prosody.windowSeconds"), p.getMessage());
    }
}
