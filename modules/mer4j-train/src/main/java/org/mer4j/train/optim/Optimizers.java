package org.mer4j.train.optim;

/** Builds the configured {@link StatefulOptimizer}. */
public final class Optimizers {
    private Optimizers() {
    }

    /** The optimiser of {@code settings} for a run of {@code epochs} epochs of {@code stepsPerEpoch} updates. */
    public static StatefulOptimizer create(OptimizerSettings settings, int stepsPerEpoch, int epochs) {
        LearningRateSchedule schedule = new LearningRateSchedule(settings.schedule(), settings.learningRate(), stepsPerEpoch, epochs);
        return switch (settings.optimizer()) {
            case "adamw" -> new Adam(settings, schedule, true);
            case "sgd" -> new Sgd(settings, schedule);
            default -> new Adam(settings, schedule, false);
        };
    }
}
