package org.mer4j.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Model selection of {@link FusionTrainer}: an epoch is better when its validation
 * {@code selectBy} metric is better (higher, or lower for errors), or equal with a lower validation
 * loss; without validation metrics, when its training loss is lower. A missing or NaN metric counts
 * as the worst value. Its {@link State} is checkpointed every epoch.
 */
final class BestEpochSelector {
    private final String selectBy;
    private final boolean higherIsBetter;
    private State state;

    /**
     * What has been selected so far.
     *
     * @param bestEpoch 1-based, -1 before the first epoch
     * @param bestScore the best score, oriented so that higher is better
     * @param bestLoss validation (or training) loss at the best epoch
     * @param bestMetrics validation metrics at the best epoch
     * @param sinceBest epochs since the best one (early stopping)
     */
    record State(int bestEpoch, double bestScore, double bestLoss, Map<String, Double> bestMetrics, int sinceBest) {
        State {
            bestMetrics = bestMetrics == null ? Map.of() : new LinkedHashMap<>(bestMetrics);
        }

        static State initial() {
            return new State(-1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Map.of(), 0);
        }
    }

    BestEpochSelector(String selectBy, boolean higherIsBetter, State state) {
        this.selectBy = selectBy;
        this.higherIsBetter = higherIsBetter;
        this.state = state == null ? State.initial() : state;
    }

    /** Records an epoch; true when it is the new best. */
    boolean offer(int epoch, double trainLoss, Map<String, Double> valMetrics) {
        double score;
        double loss;
        if (valMetrics.isEmpty()) {
            score = 0;
            loss = trainLoss;
        } else {
            Double v = valMetrics.get(selectBy);
            score = v == null || v.isNaN() ? Double.NEGATIVE_INFINITY : (higherIsBetter ? v : -v);
            Double valLoss = valMetrics.get(FusionTrainer.VAL_LOSS);
            loss = valLoss == null || valLoss.isNaN() ? Double.POSITIVE_INFINITY : valLoss;
        }
        boolean better = state.bestEpoch() < 0 || score > state.bestScore() || (score == state.bestScore() && loss < state.bestLoss());
        state = better ? new State(epoch, score, loss, valMetrics, 0)
                : new State(state.bestEpoch(), state.bestScore(), state.bestLoss(), state.bestMetrics(), state.sinceBest() + 1);
        return better;
    }

    State state() {
        return state;
    }

    int bestEpoch() {
        return state.bestEpoch();
    }

    Map<String, Double> bestMetrics() {
        return state.bestMetrics();
    }
}
