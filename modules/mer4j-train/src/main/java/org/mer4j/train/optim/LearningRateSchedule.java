package org.mer4j.train.optim;

import java.util.Objects;

/**
 * The learning rate of every update of a run: {@link ScheduleConfig} applied to a base rate over
 * {@code epochs} epochs of {@code stepsPerEpoch} updates. A pure function of the 0-based update
 * number, so a resumed run continues the schedule exactly.
 *
 * <p>With {@code W = warmupEpochs * stepsPerEpoch} warm-up updates and {@code T = epochs * stepsPerEpoch}
 * updates in all, update {@code u} gets
 * <ul>
 *   <li>{@code u < W}: {@code base * (u + 1) / W} (linear warm-up from 0; the last warm-up update
 *       uses the base rate);</li>
 *   <li>otherwise, with {@code d = u - W}:
 *     <ul>
 *       <li>{@code constant}: {@code base};</li>
 *       <li>{@code step}: {@code base * gamma^floor(d / (stepEpochs * stepsPerEpoch))};</li>
 *       <li>{@code cosine}: {@code min + (base - min) * (1 + cos(pi * p)) / 2} with
 *           {@code p = min(1, d / (T - W - 1))}: the base rate at the first update after the
 *           warm-up, {@code minLearningRate} at the last update {@code T - 1} (and after it).</li>
 *     </ul></li>
 * </ul>
 * A warm-up as long as the run or longer is allowed; the run then ends before reaching the base rate.
 */
public final class LearningRateSchedule {
    private final ScheduleConfig config;
    private final double base;
    private final int stepsPerEpoch;
    private final long warmup;
    private final long total;

    /**
     * @param config the schedule
     * @param base the base learning rate ({@code train.learningRate}), &gt; 0
     * @param stepsPerEpoch optimiser updates per epoch, &gt;= 1
     * @param epochs epochs of the run ({@code train.epochs}), &gt;= 1
     */
    public LearningRateSchedule(ScheduleConfig config, double base, int stepsPerEpoch, int epochs) {
        this.config = Objects.requireNonNull(config, "config");
        if (!(base > 0 && base < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("train.learningRate must be > 0, got " + base + "; use e.g. 1e-3");
        }
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("a schedule needs at least one update per epoch, got stepsPerEpoch " + stepsPerEpoch
                    + "; is the training set empty?");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("train.epochs must be at least 1, got " + epochs + "; use e.g. 40");
        }
        this.base = base;
        this.stepsPerEpoch = stepsPerEpoch;
        this.warmup = (long) config.warmupEpochs() * stepsPerEpoch;
        this.total = (long) epochs * stepsPerEpoch;
    }

    /** The schedule of {@code settings} ({@code train.schedule} on {@code train.learningRate}). */
    public static LearningRateSchedule of(OptimizerSettings settings, int stepsPerEpoch, int epochs) {
        return new LearningRateSchedule(settings.schedule(), settings.learningRate(), stepsPerEpoch, epochs);
    }

    /** The rate of 0-based update {@code update} (the {@code update}-th call of {@code Trainer.step()}). */
    public double rate(long update) {
        if (update < 0) {
            throw new IllegalArgumentException("update numbers start at 0, got " + update);
        }
        if (update < warmup) {
            return base * (update + 1) / warmup;
        }
        long d = update - warmup;
        return switch (config.type()) {
            case "step" -> base * Math.pow(config.gamma(), (double) (d / ((long) config.stepEpochs() * stepsPerEpoch)));
            case "cosine" -> {
                long span = total - warmup - 1;
                double progress = span <= 0 ? 1.0 : Math.min(1.0, d / (double) span);
                double min = config.minLearningRate();
                yield min + (base - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
            }
            default -> base;
        };
    }

    /** The base rate. */
    public double baseRate() {
        return base;
    }

    /** Updates in the warm-up ({@code warmupEpochs * stepsPerEpoch}). */
    public long warmupUpdates() {
        return warmup;
    }

    /** Updates in the whole run ({@code epochs * stepsPerEpoch}). */
    public long totalUpdates() {
        return total;
    }

    /** The schedule's configuration. */
    public ScheduleConfig config() {
        return config;
    }
}
