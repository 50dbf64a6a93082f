package org.mer4j.train.optim;

import java.util.Objects;

/** Builds the configured {@link StatefulOptimizer}. */
public final class Optimizers {
    private Optimizers() {
    }

    /**
     * The optimiser of {@code settings} for a run of {@code epochs} epochs of {@code stepsPerEpoch}
     * optimiser steps (which the schedule needs for warm-up and decay).
     */
    public static StatefulOptimizer create(OptimizerSettings settings, int stepsPerEpoch, int epochs) {
        Objects.requireNonNull(settings, "settings");
        LearningRateSchedule schedule = LearningRateSchedule.of(settings, stepsPerEpoch, epochs);
        return switch (settings.optimizer()) {
            case "adam" -> new Adam(schedule, settings.beta1(), settings.beta2(), settings.epsilon(), settings.weightDecay(), false);
            case "adamw" -> new Adam(schedule, settings.beta1(), settings.beta2(), settings.epsilon(), settings.weightDecay(), true);
            case "sgd" -> new Sgd(schedule, settings.momentum(), settings.weightDecay());
            default -> throw new IllegalArgumentException("train.optimizer must be one of "
                    + String.join(", ", OptimizerSettings.OPTIMIZERS) + ", got '" + settings.optimizer() + "'");
        };
    }
}
