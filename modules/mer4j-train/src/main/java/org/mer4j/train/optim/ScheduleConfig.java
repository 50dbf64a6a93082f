package org.mer4j.train.optim;

import java.util.List;

/**
 * The learning-rate schedule of {@code train.schedule}: a linear warm-up from 0 over
 * {@code warmupEpochs}, then {@code constant}, {@code step} decay (multiply by {@code gamma} every
 * {@code stepEpochs} epochs) or {@code cosine} annealing to {@code minLearningRate} at the last
 * update (Loshchilov &amp; Hutter 2017, "SGDR"). Absent keys take the defaults.
 *
 * @param type constant (default), step or cosine
 * @param warmupEpochs epochs of linear warm-up, &gt;= 0 (default 0)
 * @param stepEpochs epochs between decays of {@code step}, &gt;= 1 for step (default 10)
 * @param gamma decay factor of {@code step}, in (0, 1] (default 0.1)
 * @param minLearningRate final rate of {@code cosine}, &gt;= 0 (default 0)
 */
public record ScheduleConfig(String type, int warmupEpochs, int stepEpochs, double gamma, double minLearningRate) {
    /** The schedule types. */
    public static final List<String> TYPES = List.of("constant", "step", "cosine");

    public ScheduleConfig {
        type = type == null ? "constant" : type;
        stepEpochs = stepEpochs == 0 ? 10 : stepEpochs;
        gamma = gamma == 0 ? 0.1 : gamma;
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("train.schedule.type must be one of " + TYPES + ", got '" + type + "'");
        }
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("train.schedule.warmupEpochs must be >= 0, got " + warmupEpochs);
        }
        if (stepEpochs < 1) {
            throw new IllegalArgumentException("train.schedule.stepEpochs must be >= 1, got " + stepEpochs + "; use e.g. 10");
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("train.schedule.gamma must be in (0, 1], got " + gamma + "; use e.g. 0.1");
        }
        if (!(minLearningRate >= 0)) {
            throw new IllegalArgumentException("train.schedule.minLearningRate must be >= 0, got " + minLearningRate);
        }
    }

    /** A constant rate without warm-up. */
    public static ScheduleConfig constant() {
        return new ScheduleConfig(null, 0, 0, 0, 0);
    }
}
