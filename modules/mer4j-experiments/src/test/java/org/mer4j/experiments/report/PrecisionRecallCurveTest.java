package org.mer4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mer4j.train.Metrics;
import org.mer4j.train.PrecisionRecallCurve;

/** The curve drawn is the AP of the table: same points, same area, for random and hand-worked inputs. */
class PrecisionRecallCurveTest {

    @Test
    void areaIsTheBahAveragePrecision() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + rnd.nextInt(400);
            int[] truth = new int[n];
            float[] prob = new float[n];
            for (int i = 0; i < n; i++) {
                truth[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
                prob[i] = (float) Math.min(1, Math.max(0, 0.35 * truth[i] + 0.65 * rnd.nextDouble()));
            }
            PrecisionRecallCurve pr = PrecisionRecallCurve.of(truth, prob);
            assertEquals(Metrics.averagePrecision(truth, prob), pr.ap(), 1e-12, "trial " + trial);
            assertEquals(0, pr.recall()[0]);
            assertEquals(1, pr.precision()[0]);
            for (int i = 1; i < pr.recall().length; i++) {
                assertTrue(pr.recall()[i] >= pr.recall()[i - 1], "recall never decreases");
                assertTrue(pr.recall()[i] != pr.recall()[i - 1] || pr.precision()[i] != pr.precision()[i - 1], "no repeated point");
            }
            assertEquals(1, pr.recall()[pr.recall().length - 1], 1e-12, "threshold 0 calls everything positive");
        }
    }

    @Test
    void handWorkedExample() {
        // two positives at 0.9 and 0.4, two negatives at 0.6 and 0.1
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(new int[] {1, 0, 1, 0}, new float[] {0.9f, 0.6f, 0.4f, 0.1f});
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, pr.recall(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 0.5, 2 / 3.0, 0.5}, pr.precision(), 1e-12);
        // trapezoids: 0.5*(1+1)/2 + 0 + 0.5*(0.5+2/3)/2 + 0
        assertEquals(0.5 + 0.25 * (0.5 + 2 / 3.0), pr.ap(), 1e-12);
        assertEquals(0.5, pr.prevalence());
    }

    @Test
    void noPositiveNoCurve() {
        assertNull(PrecisionRecallCurve.of(new int[] {0, 0}, new float[] {0.2f, 0.7f}));
    }
}
