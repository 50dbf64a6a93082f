package org.mer4j.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void signFlipTestIsExactForFewPairs() {
        // all 3 differences positive: only the all-plus and all-minus assignments are as extreme, 2 of 8
        assertEquals(0.25, PairedSignFlipTest.pValue(new double[] {1, 2, 3}, new double[] {0, 0, 0}), 1e-12);
        // 6 positive differences: 2 / 64, the smallest p with 6 pairs, significant at 0.05
        double p6 = PairedSignFlipTest.pValue(new double[] {1, 1.2, 0.8, 1.1, 0.9, 1.3}, new double[6]);
        assertEquals(2.0 / 64, p6, 1e-12);
        assertEquals("*", PairedSignFlipTest.mark(p6));
        assertEquals(1.0, PairedSignFlipTest.pValue(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}), 1e-12, "no difference");
        // mixed signs: |sum| = 0.2 for {+1,-0.8,+0.1,-0.1}; of the 16 assignments of ±1 ±0.8 ±0.1 ±0.1 only 2 fall below 0.2 in size
        assertEquals(14.0 / 16, PairedSignFlipTest.pValue(new double[] {1, -0.8, 0.1, -0.1}, new double[4]), 1e-12);
        assertEquals("", PairedSignFlipTest.mark(0.2));
        assertEquals("**", PairedSignFlipTest.mark(0.001));
    }

    @Test
    void largeSamplesUseSeededRandomAssignments() {
        double[] a = new double[30];
        double[] b = new double[30];
        for (int i = 0; i < 30; i++) {
            a[i] = 0.6 + 0.01 * (i % 5);
            b[i] = 0.5 + 0.01 * (i % 7);
        }
        double p = PairedSignFlipTest.pValue(a, b);
        assertTrue(p < 0.001, "a clear shift over 30 pairs: " + p);
        assertEquals(p, PairedSignFlipTest.pValue(a, b), "seeded");
    }

    @Test
    void bootstrapIntervalCoversTheMeanAndIsDeterministic() {
        double[] v = {0.4, 0.5, 0.6, 0.55, 0.45, 0.5, 0.52, 0.48};
        double[] ci = SubjectBootstrap.meanInterval(v, 0.95);
        assertTrue(ci[0] < 0.5 && ci[1] > 0.5 && ci[0] > 0.4 && ci[1] < 0.6, ci[0] + " " + ci[1]);
        assertArrayEquals(ci, SubjectBootstrap.meanInterval(v, 0.95));
        assertArrayEquals(new double[] {0.7, 0.7}, SubjectBootstrap.meanInterval(new double[] {0.7, 0.7, 0.7}, 0.95), 1e-12);
        assertNull(SubjectBootstrap.meanInterval(new double[] {0.7}, 0.95));
    }
}
