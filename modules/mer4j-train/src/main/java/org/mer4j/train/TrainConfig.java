package org.mer4j.train;

/**
 * Optimisation settings of {@link FusionTrainer} ({@code train:} in experiment configs).
 *
 * @param epochs maximum number of passes over the training clips (default 40)
 * @param batchSize clips per batch (default 8)
 * @param learningRate fixed Adam learning rate (default 1e-3)
 * @param weightDecay Adam weight decay (default 0)
 * @param patience epochs without a better validation score before stopping early (default 10)
 * @param ahLossWeight weight of the frame-level A/H loss (default 1.0)
 * @param emotionLossWeight weight of the clip emotion loss (default 0.5)
 * @param selectBy validation metric that picks the best epoch, one of {@link Metrics#ALL_KEYS}
 *     (default {@code ah_frame_macro_f1}; use {@code emotion_uar} or {@code emotion_weighted_f1}
 *     for emotion-only corpora); ties go to the lower validation loss
 */
public record TrainConfig(int epochs, int batchSize, double learningRate, double weightDecay, int patience,
                          double ahLossWeight, double emotionLossWeight, String selectBy) {
    public TrainConfig {
        selectBy = selectBy == null ? Metrics.AH_FRAME_MACRO_F1 : selectBy;
        if (!Metrics.ALL_KEYS.contains(selectBy)) {
            throw new IllegalArgumentException("train.selectBy must be one of " + Metrics.ALL_KEYS + ", got '" + selectBy + "'");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("train.epochs must be at least 1, got " + epochs + "; use e.g. 40");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("train.batchSize must be at least 1, got " + batchSize + "; use e.g. 8");
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("train.learningRate must be in (0, 1), got " + learningRate + "; use e.g. 1e-3");
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("train.weightDecay must be in [0, 1), got " + weightDecay + "; use 0 or e.g. 1e-4");
        }
        if (patience < 1) {
            throw new IllegalArgumentException("train.patience must be at least 1, got " + patience
                    + "; set it to train.epochs to disable early stopping");
        }
        if (!(ahLossWeight >= 0) || !(emotionLossWeight >= 0) || ahLossWeight + emotionLossWeight == 0) {
            throw new IllegalArgumentException("train.ahLossWeight and train.emotionLossWeight must be >= 0 and not both 0, got "
                    + ahLossWeight + " and " + emotionLossWeight + "; use e.g. 1.0 and 0.5");
        }
    }

    /** Settings that pick the best epoch by A/H frame macro F1. */
    public TrainConfig(int epochs, int batchSize, double learningRate, double weightDecay, int patience,
                       double ahLossWeight, double emotionLossWeight) {
        this(epochs, batchSize, learningRate, weightDecay, patience, ahLossWeight, emotionLossWeight, null);
    }

    /** The defaults listed above. */
    public static TrainConfig defaults() {
        return new TrainConfig(40, 8, 1e-3, 0, 10, 1.0, 0.5);
    }

    /** A copy with another number of epochs (and patience capped to it). */
    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(newEpochs, batchSize, learningRate, weightDecay, Math.min(patience, Math.max(1, newEpochs)),
                ahLossWeight, emotionLossWeight, selectBy);
    }
}
