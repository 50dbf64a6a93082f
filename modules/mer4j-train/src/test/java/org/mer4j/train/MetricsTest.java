package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double EPS = 1e-9;

    @Test
    void averagePrecisionOfTinyExampleByHand() {
        // curve from high to low threshold: (0,1) -> (0.5,1) -> (0.5,0.5) -> (1,2/3) -> (1,0.5)
        // area = 0.5*(1+1)/2 + 0 + 0.5*(0.5+2/3)/2 + 0 = 0.5 + 0.2916666...
        double ap = Metrics.averagePrecision(new int[] {1, 0, 1, 0}, new float[] {0.9f, 0.6f, 0.4f, 0.2f});
        assertEquals(0.5 + 0.5 * (0.5 + 2.0 / 3.0) / 2, ap, 1e-6);
    }

    @Test
    void averagePrecisionPerfectInvertedAndUndefined() {
        assertEquals(1.0, Metrics.averagePrecision(new int[] {1, 0, 1, 0}, new float[] {0.9f, 0.1f, 0.8f, 0.3f}), EPS);
        // inverted: precision 0 at every threshold above 0.1 then (recall 1, precision 0.5) at the lowest ones
        assertEquals(0.25, Metrics.averagePrecision(new int[] {1, 0}, new float[] {0.1f, 0.9f}), EPS);
        assertTrue(Double.isNaN(Metrics.averagePrecision(new int[] {0, 0}, new float[] {0.1f, 0.9f})));
    }

    @Test
    void macroF1ByHandAndWithAnAbsentClass() {
        // class 1: tp 1, fp 0, fn 1 -> 2/3 ; class 0: tp 2, fp 1, fn 0 -> 4/5
        assertEquals((2.0 / 3 + 0.8) / 2, Metrics.macroF1(new int[] {1, 1, 0, 0}, new int[] {1, 0, 0, 0}, 2), EPS);
        // class 2 absent in truth and predictions: averaged over classes 0 and 1 only
        assertEquals(1.0, Metrics.macroF1(new int[] {0, 1}, new int[] {0, 1}, 3), EPS);
        // class 1 absent in truth but predicted: its F1 is 0 and counts
        assertEquals((2.0 / 3 + 0) / 2, Metrics.macroF1(new int[] {0, 0}, new int[] {0, 1}, 2), EPS);
        // inverted binary predictions
        assertEquals(0.0, Metrics.macroF1(new int[] {0, 1, 1}, new int[] {1, 0, 0}, 2), EPS);
    }

    @Test
    void weightedF1WeighsClassF1BySupport() {
        // class 0: tp 2, fn 1, fp 0 -> F1 0.8, support 3; class 1: tp 1, fn 0, fp 1 -> F1 2/3, support 1
        double expected = (3 * 0.8 + 1 * (2.0 / 3)) / 4;
        assertEquals(expected, Metrics.weightedF1(new int[] {0, 0, 0, 1}, new int[] {0, 0, 1, 1}, 2), EPS);
        // a class only predicted (never true) adds nothing but lowers the others' precision
        assertEquals(2.0 / 3, Metrics.weightedF1(new int[] {0, 0}, new int[] {0, 2}, 3), EPS);
        assertTrue(Double.isNaN(Metrics.weightedF1(new int[0], new int[0], 2)));
    }

    @Test
    void uarAveragesRecallOverClassesPresentInTruth() {
        // class 0: 2/2, class 1: 0/1, class 2 absent
        assertEquals(0.5, Metrics.unweightedAverageRecall(new int[] {0, 0, 1}, new int[] {0, 0, 2}, 3), EPS);
    }

    @Test
    void concordancePearsonAndRmseByHand() {
        double[] truth = {1, 2, 3, 4};
        assertEquals(1.0, Metrics.concordance(truth, truth), EPS);
        assertEquals(1.0, Metrics.pearson(new double[] {2, 4, 6, 8}, truth), EPS, "Pearson ignores scale");
        // pred = truth + 1: cov 1.25, var 1.25 each, mean gap 1 -> 2.5 / (2.5 + 1)
        double[] shifted = {2, 3, 4, 5};
        assertEquals(2.5 / 3.5, Metrics.concordance(shifted, truth), EPS, "CCC penalises the bias");
        assertEquals(1.0, Metrics.rmse(shifted, truth), EPS);
        assertTrue(Double.isNaN(Metrics.pearson(new double[] {1, 1, 1, 1}, truth)));
    }
}
