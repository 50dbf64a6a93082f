package org.mer4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void countsTrueByPredictedInClassOrder() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("neutral", "happy", "sad"),
                List.of("happy", "happy", "sad", "neutral", "", "sad"),
                List.of("happy", "sad", "sad", "happy", "happy", "sad"));
        assertEquals(List.of("neutral", "happy", "sad"), m.classes());
        assertArrayEquals(new long[] {0, 1, 0}, m.counts()[0]);
        assertArrayEquals(new long[] {0, 1, 1}, m.counts()[1]);
        assertArrayEquals(new long[] {0, 0, 2}, m.counts()[2]);
        assertEquals(5, m.total(), "the clip without a true label is left out");
        assertEquals(3 / 5.0, m.accuracy(), 1e-12);
        assertEquals(0.5, m.recall(1), 1e-12);
        assertEquals(2, m.max());
    }

    @Test
    void aClassOutsideTheListIsAddedNotDropped() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a"), List.of("a", "b"), List.of("b", "b"));
        assertEquals(List.of("a", "b"), m.classes());
        assertEquals(2, m.total());
        assertTrue(Double.isNaN(ConfusionMatrix.of(List.of("a"), List.of(), List.of()).accuracy()));
    }
}
