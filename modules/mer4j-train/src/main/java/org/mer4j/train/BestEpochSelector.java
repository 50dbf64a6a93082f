package org.mer4j.train;

import java.util.Map;

/**
 * Model selection of {@link FusionTrainer}: an epoch is better when its validation A/H frame macro
 * F1 is higher, or equal with a lower validation loss; without validation metrics, when its
 * training loss is lower. A NaN F1 counts as -1.
 */
final class BestEpochSelector {
    private int bestEpoch = -1;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private Map<String, Double> bestMetrics = Map.of();
    private final String selectBy;

    /** Selects by A/H frame macro F1. */
    BestEpochSelector() {
        this(Metrics.AH_FRAME_MACRO_F1);
    }

    /** Selects by the validation metric {@code selectBy} (higher is better). */
    BestEpochSelector(String selectBy) {
        this.selectBy = selectBy;
    }

    /** Records an epoch; true when it is the new best. */
    boolean offer(int epoch, double trainLoss, Map<String, Double> valMetrics) {
        double score;
        double loss;
        if (valMetrics.isEmpty()) {
            score = 0;
            loss = trainLoss;
        } else {
            Double f1 = valMetrics.get(selectBy);
            score = f1 == null || f1.isNaN() ? -1 : f1;
            Double valLoss = valMetrics.get(FusionTrainer.VAL_LOSS);
            loss = valLoss == null || valLoss.isNaN() ? Double.POSITIVE_INFINITY : valLoss;
        }
        boolean better = bestEpoch < 0 || score > bestScore || (score == bestScore && loss < bestLoss);
        if (better) {
            bestEpoch = epoch;
            bestScore = score;
            bestLoss = loss;
            bestMetrics = Map.copyOf(valMetrics);
        }
        return better;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    Map<String, Double> bestMetrics() {
        return bestMetrics;
    }
}
