package org.mer4j.train.optim;

import java.util.List;
import java.util.Locale;

/**
 * The optimiser part of {@code train:} in experiment configs: the update rule, its constants, the
 * learning-rate schedule and global gradient-norm clipping. Built by {@link Optimizers#create}.
 *
 * <p>Jackson maps YAML onto the configs, so an absent number arrives as 0 and an absent string or
 * record as {@code null}; those take the defaults below. {@code momentum} is the one number for which
 * 0 is a real value (plain SGD), so it is boxed: absent ({@code null}) means 0.9. Errors name the key
 * as {@code train.<key>} and say what to use instead.
 *
 * @param optimizer {@code adam} (default; Kingma &amp; Ba 2015), {@code adamw} (Loshchilov &amp; Hutter
 *     2019) or {@code sgd} (heavy-ball momentum as in PyTorch)
 * @param learningRate base learning rate, in (0, 1) (default 1e-3)
 * @param weightDecay in [0, 1) (default 0): L2 added to the gradient for adam and sgd, decoupled
 *     ({@code w -= lr * wd * w}) for adamw
 * @param momentum sgd momentum, in [0, 1); 0 = plain SGD (default, when null: 0.9)
 * @param beta1 Adam's first-moment decay, in [0, 1) (default 0.9)
 * @param beta2 Adam's second-moment decay, in [0, 1) (default 0.999)
 * @param epsilon Adam's denominator constant, in (0, 1) (default 1e-8)
 * @param schedule the learning-rate schedule (default: constant, no warm-up)
 * @param clipGradNorm clip the global gradient L2 norm to this value, &gt;= 0 (default 0 = off)
 */
public record OptimizerSettings(String optimizer, double learningRate, double weightDecay, Double momentum, double beta1,
                                double beta2, double epsilon, ScheduleConfig schedule, double clipGradNorm) {
    /** The update rules, in the order error messages list them. */
    public static final List<String> OPTIMIZERS = List.of("adam", "adamw", "sgd");

    /** Default of {@link #learningRate}. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** Default of {@link #momentum}. */
    public static final double DEFAULT_MOMENTUM = 0.9;
    /** Default of {@link #beta1}. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Default of {@link #beta2}. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Default of {@link #epsilon}. */
    public static final double DEFAULT_EPSILON = 1e-8;

    public OptimizerSettings {
        optimizer = optimizer == null || optimizer.isBlank() ? "adam" : optimizer.trim().toLowerCase(Locale.ROOT);
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new IllegalArgumentException("train.optimizer must be one of " + String.join(", ", OPTIMIZERS) + ", got '"
                    + optimizer + "'; use e.g. adam");
        }
        learningRate = learningRate == 0 ? DEFAULT_LEARNING_RATE : learningRate;
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("train.learningRate must be in (0, 1), got " + learningRate + "; use e.g. 1e-3");
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("train.weightDecay must be in [0, 1), got " + weightDecay + "; use 0 (off) or e.g. 1e-2");
        }
        momentum = momentum == null ? DEFAULT_MOMENTUM : momentum;
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("train.momentum must be in [0, 1), got " + momentum + "; use e.g. 0.9");
        }
        beta1 = beta1 == 0 ? DEFAULT_BETA1 : beta1;
        if (!(beta1 > 0 && beta1 < 1)) {
            throw new IllegalArgumentException("train.beta1 must be in [0, 1), got " + beta1 + "; use e.g. 0.9");
        }
        beta2 = beta2 == 0 ? DEFAULT_BETA2 : beta2;
        if (!(beta2 > 0 && beta2 < 1)) {
            throw new IllegalArgumentException("train.beta2 must be in [0, 1), got " + beta2 + "; use e.g. 0.999");
        }
        epsilon = epsilon == 0 ? DEFAULT_EPSILON : epsilon;
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("train.epsilon must be in (0, 1), got " + epsilon + "; use e.g. 1e-8");
        }
        schedule = schedule == null ? ScheduleConfig.constant() : schedule;
        if (schedule.minLearningRate() >= learningRate) {
            throw new IllegalArgumentException("train.schedule.minLearningRate must be below train.learningRate (" + learningRate
                    + "), got " + schedule.minLearningRate() + "; use 0 or e.g. " + learningRate / 100);
        }
        if (!(clipGradNorm >= 0 && clipGradNorm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("train.clipGradNorm must be >= 0 (0 = off), got " + clipGradNorm + "; use e.g. 1.0");
        }
    }

    /** The given settings with the default Adam constants (beta1 0.9, beta2 0.999, epsilon 1e-8). */
    public static OptimizerSettings of(String optimizer, double learningRate, double weightDecay, double momentum,
                                       ScheduleConfig schedule, double clipGradNorm) {
        return new OptimizerSettings(optimizer, learningRate, weightDecay, momentum, 0, 0, 0, schedule, clipGradNorm);
    }

    /** Every key at its default: adam, rate 1e-3, no weight decay, constant schedule, no clipping. */
    public static OptimizerSettings defaults() {
        return new OptimizerSettings(null, 0, 0, null, 0, 0, 0, null, 0);
    }
}
