package org.mer4j.train;

import java.util.Map;

/** Told after every epoch of {@link FusionTrainer}, e.g. to log progress. */
@FunctionalInterface
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = (epoch, trainLoss, valMetrics, seconds) -> { };

    /**
     * @param epoch 1-based epoch number
     * @param trainLoss mean training loss over the epoch's clips
     * @param valMetrics the tasks' metric keys plus {@link FusionTrainer#VAL_LOSS} on the validation clips (empty without them)
     * @param seconds wall time of the epoch including validation
     */
    void onEpoch(int epoch, double trainLoss, Map<String, Double> valMetrics, double seconds);
}
