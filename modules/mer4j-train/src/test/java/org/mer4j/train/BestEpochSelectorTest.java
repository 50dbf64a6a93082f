package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BestEpochSelectorTest {

    private static Map<String, Double> val(double f1, double loss) {
        return Map.of(Metrics.AH_FRAME_MACRO_F1, f1, FusionTrainer.VAL_LOSS, loss);
    }

    @Test
    void higherF1WinsAndTiesGoToLowerLoss() {
        BestEpochSelector s = new BestEpochSelector();
        assertTrue(s.offer(1, 1.0, val(0.5, 0.9)));
        assertTrue(s.offer(2, 1.0, val(0.6, 1.5)), "higher F1 wins despite higher loss");
        assertFalse(s.offer(3, 1.0, val(0.55, 0.1)));
        assertFalse(s.offer(4, 1.0, val(0.6, 1.6)), "tie with higher loss loses");
        assertTrue(s.offer(5, 1.0, val(0.6, 1.2)), "tie with lower loss wins");
        assertFalse(s.offer(6, 1.0, val(Double.NaN, 0.0)));
        assertEquals(5, s.bestEpoch());
        assertEquals(1.2, s.bestMetrics().get(FusionTrainer.VAL_LOSS));
    }

    @Test
    void selectsByTheConfiguredMetric() {
        BestEpochSelector s = new BestEpochSelector(Metrics.EMOTION_UAR);
        assertTrue(s.offer(1, 1.0, Map.of(Metrics.EMOTION_UAR, 0.4, Metrics.AH_FRAME_MACRO_F1, 0.9, FusionTrainer.VAL_LOSS, 1.0)));
        assertTrue(s.offer(2, 1.0, Map.of(Metrics.EMOTION_UAR, 0.6, Metrics.AH_FRAME_MACRO_F1, 0.1, FusionTrainer.VAL_LOSS, 1.0)));
        assertEquals(2, s.bestEpoch());
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(1, 1, 1e-3, 0, 1, 0, 1, "uar"));
    }

    @Test
    void withoutValidationTheLowestTrainingLossWins() {
        BestEpochSelector s = new BestEpochSelector();
        assertTrue(s.offer(1, 0.8, Map.of()));
        assertTrue(s.offer(2, 0.5, Map.of()));
        assertFalse(s.offer(3, 0.6, Map.of()));
        assertEquals(2, s.bestEpoch());
    }
}
