package org.mer4j.train.optim;

import java.util.List;

/**
 * The optimiser part of {@code train:}: which update rule, its constants, the schedule and the
 * gradient clipping.
 *
 * @param optimizer {@code adam} (Kingma &amp; Ba 2015), {@code adamw} (Loshchilov &amp; Hutter 2019) or
 *     {@code sgd} (heavy-ball momentum, as PyTorch)
 * @param learningRate base rate in (0, 1)
 * @param weightDecay in [0, 1): L2 added to the gradient for adam and sgd, decoupled for adamw
 * @param momentum sgd momentum in [0, 1)
 * @param beta1 Adam's first-moment decay in [0, 1)
 * @param beta2 Adam's second-moment decay in [0, 1)
 * @param epsilon Adam's denominator constant, &gt; 0
 * @param schedule the learning-rate schedule
 * @param clipGradNorm maximum global gradient L2 norm, 0 = no clipping
 */
public record OptimizerSettings(String optimizer, double learningRate, double weightDecay, double momentum, double beta1,
                                double beta2, double epsilon, ScheduleConfig schedule, double clipGradNorm) {
    /** The update rules. */
    public static final List<String> OPTIMIZERS = List.of("adam", "adamw", "sgd");

    public OptimizerSettings {
        optimizer = optimizer == null ? "adam" : optimizer;
        schedule = schedule == null ? ScheduleConfig.constant() : schedule;
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new IllegalArgumentException("train.optimizer must be one of " + OPTIMIZERS + ", got '" + optimizer + "'");
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("train.learningRate must be in (0, 1), got " + learningRate + "; use e.g. 1e-3");
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("train.weightDecay must be in [0, 1), got " + weightDecay + "; use 0 or e.g. 1e-4");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("train.momentum must be in [0, 1), got " + momentum + "; use e.g. 0.9");
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("train.beta1/beta2 must be in [0, 1) and epsilon > 0, got " + beta1 + ", " + beta2 + ", " + epsilon);
        }
        if (!(clipGradNorm >= 0)) {
            throw new IllegalArgumentException("train.clipGradNorm must be >= 0 (0 = off), got " + clipGradNorm + "; use e.g. 1.0");
        }
    }

    /** Settings with Adam's usual constants (beta1 0.9, beta2 0.999, epsilon 1e-8). */
    public static OptimizerSettings of(String optimizer, double learningRate, double weightDecay, double momentum,
                                       ScheduleConfig schedule, double clipGradNorm) {
        return new OptimizerSettings(optimizer, learningRate, weightDecay, momentum, 0.9, 0.999, 1e-8, schedule, clipGradNorm);
    }
}
