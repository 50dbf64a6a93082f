package org.mer4j.train;

import org.mer4j.train.optim.OptimizerSettings;
import org.mer4j.train.optim.ScheduleConfig;

/**
 * Settings of the framework-owned training loop ({@code train:} in experiment configs); absent
 * keys take the defaults below.
 *
 * @param epochs maximum number of passes over the training clips (default 40)
 * @param batchSize clips per batch (default 8)
 * @param patience epochs without a better validation score before stopping early (default 10;
 *     set it to {@code epochs} to disable early stopping)
 * @param selectBy validation metric that picks the best epoch, any metric of the configured tasks
 *     (default: the first task's primary metric, e.g. {@code ah_frame_macro_f1}); ties go to the
 *     lower validation loss
 * @param optimizer {@code adam} (default), {@code adamw} or {@code sgd} (with momentum)
 * @param learningRate base learning rate (default 1e-3)
 * @param weightDecay weight decay: L2 for adam and sgd, decoupled for adamw (default 0)
 * @param momentum sgd momentum (default 0.9)
 * @param schedule learning-rate schedule: {@code {type: constant|step|cosine, warmupEpochs, stepEpochs,
 *     gamma, minLearningRate}} (default constant, no warm-up)
 * @param clipGradNorm clip the global gradient L2 norm to this value; 0 (default) = off
 * @param modalityDropout probability in [0,1) that a training clip loses a modality for one epoch
 *     (its mask set to 0, as an absent stream is), drawn per clip, modality and epoch from the run
 *     seed; a clip always keeps at least one of its modalities (default 0 = off). Trains the model
 *     for test clips with a missing modality (see {@link ModalityDropout})
 * @param bucketByLength whether training batches group clips of similar length (the
 *     {@link org.mer4j.models.FusionBlock#paddedLength} of each clip), so that a batch pads less: the
 *     shuffled clips are cut into pools of 50 batches, each pool is sorted by length and cut into
 *     batches, and the batches are shuffled (default false: batches of shuffled clips). It saves time
 *     when lengths vary widely, as for utterances of word pieces; validation and test batches keep their order
 */
public record TrainConfig(int epochs, int batchSize, int patience, String selectBy, String optimizer, double learningRate,
                          double weightDecay, double momentum, ScheduleConfig schedule, double clipGradNorm, double modalityDropout,
                          boolean bucketByLength) {
    public TrainConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("train.epochs must be at least 1, got " + epochs + "; use e.g. 40");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("train.batchSize must be at least 1, got " + batchSize + "; use e.g. 8");
        }
        if (patience < 1) {
            throw new IllegalArgumentException("train.patience must be at least 1, got " + patience
                    + "; set it to train.epochs to disable early stopping");
        }
        if (!(modalityDropout >= 0 && modalityDropout < 1)) {
            throw new IllegalArgumentException("train.modalityDropout must be in [0,1), got " + modalityDropout
                    + "; e.g. 0.2 drops each modality of a training clip in one epoch of five on average");
        }
        // the optimiser settings validate themselves (and name their keys)
        optimizerSettings(optimizer, learningRate, weightDecay, momentum, schedule, clipGradNorm);
    }

    /** The defaults listed above. */
    public static TrainConfig defaults() {
        return new TrainConfig(40, 8, 10, null, "adam", 1e-3, 0, 0.9, org.mer4j.train.optim.ScheduleConfig.constant(), 0, 0, false);
    }

    /** Adam with a constant rate and the given basics (tests). */
    public static TrainConfig adam(int epochs, int batchSize, double learningRate, int patience) {
        return new TrainConfig(epochs, batchSize, patience, null, "adam", learningRate, 0, 0.9, null, 0, 0, false);
    }

    /** A copy selecting the best epoch by {@code metric}. */
    public TrainConfig withSelectBy(String metric) {
        return new TrainConfig(epochs, batchSize, patience, metric, optimizer, learningRate, weightDecay, momentum, schedule, clipGradNorm,
                modalityDropout, bucketByLength);
    }

    /** The optimiser part, for {@link org.mer4j.train.optim.Optimizers}. */
    public OptimizerSettings optimizerSettings() {
        return optimizerSettings(optimizer, learningRate, weightDecay, momentum, schedule, clipGradNorm);
    }

    private static OptimizerSettings optimizerSettings(String optimizer, double learningRate, double weightDecay, double momentum,
                                                       ScheduleConfig schedule, double clipGradNorm) {
        return OptimizerSettings.of(optimizer, learningRate, weightDecay, momentum, schedule, clipGradNorm);
    }
}
