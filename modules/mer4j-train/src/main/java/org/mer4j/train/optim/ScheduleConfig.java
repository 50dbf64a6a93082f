package org.mer4j.train.optim;

import java.util.List;
import java.util.Locale;

/**
 * The learning-rate schedule of {@code train.schedule}: a linear warm-up over {@code warmupEpochs},
 * then a {@code constant} rate, {@code step} decay (the rate is multiplied by {@code gamma} every
 * {@code stepEpochs} epochs after the warm-up) or {@code cosine} annealing (Loshchilov &amp; Hutter
 * 2017, "SGDR: Stochastic Gradient Descent with Warm Restarts", without restarts) down to
 * {@code minLearningRate} at the last update. See {@link LearningRateSchedule} for the formulas.
 *
 * <p>Jackson maps YAML onto this record, so an absent key arrives as {@code null} or 0 and takes the
 * default below. Errors name the key as {@code train.schedule.<key>}.
 *
 * @param type {@code constant} (default), {@code step} or {@code cosine}
 * @param warmupEpochs epochs of linear warm-up from 0 to the base rate, &gt;= 0 (default 0 = none)
 * @param stepEpochs epochs between two decays of {@code step}, &gt;= 1 (default 10)
 * @param gamma decay factor of {@code step}, in (0, 1] (default 0.1)
 * @param minLearningRate the rate {@code cosine} reaches at the last update, &gt;= 0 and below
 *     {@code train.learningRate} (default 0)
 */
public record ScheduleConfig(String type, int warmupEpochs, int stepEpochs, double gamma, double minLearningRate) {
    /** The schedule types, in the order error messages list them. */
    public static final List<String> TYPES = List.of("constant", "step", "cosine");

    /** Default of {@link #stepEpochs}. */
    public static final int DEFAULT_STEP_EPOCHS = 10;
    /** Default of {@link #gamma}. */
    public static final double DEFAULT_GAMMA = 0.1;

    public ScheduleConfig {
        type = type == null || type.isBlank() ? "constant" : type.trim().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("train.schedule.type must be one of " + String.join(", ", TYPES) + ", got '"
                    + type + "'; use e.g. cosine");
        }
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("train.schedule.warmupEpochs must be >= 0, got " + warmupEpochs
                    + "; use 0 (no warm-up) or e.g. 2");
        }
        stepEpochs = stepEpochs == 0 ? DEFAULT_STEP_EPOCHS : stepEpochs;
        if (stepEpochs < 1) {
            throw new IllegalArgumentException("train.schedule.stepEpochs must be >= 1, got " + stepEpochs + "; use e.g. 10");
        }
        gamma = gamma == 0 ? DEFAULT_GAMMA : gamma;
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("train.schedule.gamma must be in (0, 1], got " + gamma + "; use e.g. 0.1");
        }
        if (!(minLearningRate >= 0 && minLearningRate < 1)) {
            throw new IllegalArgumentException("train.schedule.minLearningRate must be in [0, 1) and below train.learningRate, got "
                    + minLearningRate + "; use 0 or e.g. 1e-5");
        }
    }

    /** A constant rate without warm-up (the default schedule). */
    public static ScheduleConfig constant() {
        return new ScheduleConfig(null, 0, 0, 0, 0);
    }
}
