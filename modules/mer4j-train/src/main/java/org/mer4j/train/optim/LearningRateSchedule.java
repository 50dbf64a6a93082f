package org.mer4j.train.optim;

/**
 * The learning rate at each update: {@link ScheduleConfig} applied to a base rate over
 * {@code epochs} epochs of {@code stepsPerEpoch} updates. A pure function of the update number,
 * so a resumed run continues the schedule exactly.
 */
public final class LearningRateSchedule {
    private final ScheduleConfig config;
    private final double base;
    private final int stepsPerEpoch;
    private final long warmup;
    private final long total;

    public LearningRateSchedule(ScheduleConfig config, double base, int stepsPerEpoch, int epochs) {
        if (stepsPerEpoch < 1 || epochs < 1) {
            throw new IllegalArgumentException("a schedule needs at least one epoch of at least one update");
        }
        this.config = config;
        this.base = base;
        this.stepsPerEpoch = stepsPerEpoch;
        this.warmup = (long) config.warmupEpochs() * stepsPerEpoch;
        this.total = (long) epochs * stepsPerEpoch;
    }

    /** The rate of 0-based update {@code update}. */
    public double rate(long update) {
        if (update < warmup) {
            return base * (update + 1) / warmup;
        }
        return switch (config.type()) {
            case "step" -> base * Math.pow(config.gamma(), (update - warmup) / ((long) config.stepEpochs() * stepsPerEpoch));
            case "cosine" -> {
                long span = Math.max(1, total - warmup - 1);
                double progress = Math.min(1.0, (update - warmup) / (double) span);
                yield config.minLearningRate() + (base - config.minLearningRate()) * 0.5 * (1 + Math.cos(Math.PI * progress));
            }
            default -> base;
        };
    }
}
