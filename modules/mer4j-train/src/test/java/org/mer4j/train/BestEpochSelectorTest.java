package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BestEpochSelectorTest {

    private static Map<String, Double> val(double f1, double loss) {
        return Map.of("ah_frame_macro_f1", f1, FusionTrainer.VAL_LOSS, loss);
    }

    @Test
    void higherF1WinsAndTiesGoToLowerLoss() {
        BestEpochSelector s = new BestEpochSelector("ah_frame_macro_f1", true, null);
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
        BestEpochSelector s = new BestEpochSelector("emotion_uar", true, null);
        assertTrue(s.offer(1, 1.0, Map.of("emotion_uar", 0.4, "ah_frame_macro_f1", 0.9, FusionTrainer.VAL_LOSS, 1.0)));
        assertTrue(s.offer(2, 1.0, Map.of("emotion_uar", 0.6, "ah_frame_macro_f1", 0.1, FusionTrainer.VAL_LOSS, 1.0)));
        assertEquals(2, s.bestEpoch());
    }

    @Test
    void lowerIsBetterForErrorsAndTheStateCountsEpochsSinceTheBest() {
        BestEpochSelector s = new BestEpochSelector("valence_rmse", false, null);
        assertTrue(s.offer(1, 1.0, Map.of("valence_rmse", 0.5, FusionTrainer.VAL_LOSS, 1.0)));
        assertTrue(s.offer(2, 1.0, Map.of("valence_rmse", 0.3, FusionTrainer.VAL_LOSS, 1.0)), "lower RMSE wins");
        assertFalse(s.offer(3, 1.0, Map.of("valence_rmse", 0.4, FusionTrainer.VAL_LOSS, 0.1)));
        assertEquals(1, s.state().sinceBest());
        BestEpochSelector resumed = new BestEpochSelector("valence_rmse", false, s.state());
        assertFalse(resumed.offer(4, 1.0, Map.of("valence_rmse", 0.35, FusionTrainer.VAL_LOSS, 0.1)));
        assertEquals(2, resumed.bestEpoch());
        assertEquals(2, resumed.state().sinceBest());
    }

    @Test
    void withoutValidationTheLowestTrainingLossWins() {
        BestEpochSelector s = new BestEpochSelector("ah_frame_macro_f1", true, null);
        assertTrue(s.offer(1, 0.8, Map.of()));
        assertTrue(s.offer(2, 0.5, Map.of()));
        assertFalse(s.offer(3, 0.6, Map.of()));
        assertEquals(2, s.bestEpoch());
    }
}
