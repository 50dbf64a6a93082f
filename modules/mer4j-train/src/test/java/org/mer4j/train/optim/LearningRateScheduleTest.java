package org.mer4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    private static final double BASE = 0.1;

    @Test
    void constantWithWarmUpRisesLinearlyThenStays() {
        // 10 updates per epoch, 1 warm-up epoch: rates 0.01, 0.02, ..., 0.1, then 0.1
        LearningRateSchedule s = new LearningRateSchedule(new ScheduleConfig("constant", 1, 0, 0, 0), BASE, 10, 5);
        assertEquals(10, s.warmupUpdates());
        assertEquals(50, s.totalUpdates());
        assertEquals(0.01, s.rate(0), 1e-15, "warm-up start: 1/10 of the base rate");
        assertEquals(0.05, s.rate(4), 1e-15);
        assertEquals(0.1, s.rate(9), 1e-15, "warm-up end: the base rate");
        assertEquals(0.1, s.rate(10), 1e-15);
        assertEquals(0.1, s.rate(49), 1e-15);
        assertEquals(0.1, new LearningRateSchedule(ScheduleConfig.constant(), BASE, 10, 5).rate(0), 0, "no warm-up");
    }

    @Test
    void stepDecayMultipliesByGammaEveryStepEpochsAfterWarmUp() {
        LearningRateSchedule s = new LearningRateSchedule(new ScheduleConfig("step", 1, 2, 0.5, 0), BASE, 10, 10);
        assertEquals(0.1, s.rate(10), 1e-15, "first update after the warm-up");
        assertEquals(0.1, s.rate(29), 1e-15, "last update before the first boundary");
        assertEquals(0.05, s.rate(30), 1e-15, "first boundary: 2 epochs after the warm-up");
        assertEquals(0.05, s.rate(49), 1e-15);
        assertEquals(0.025, s.rate(50), 1e-15, "second boundary");
        assertEquals(0.1 * Math.pow(0.5, 4), s.rate(99), 1e-15);
        LearningRateSchedule defaults = new LearningRateSchedule(new ScheduleConfig("step", 0, 0, 0, 0), BASE, 1, 40);
        assertEquals(0.1, defaults.rate(9), 1e-15, "default stepEpochs 10");
        assertEquals(0.01, defaults.rate(10), 1e-15, "default gamma 0.1");
    }

    @Test
    void cosineStartsAtTheBaseRateAndEndsAtTheMinimumOnTheLastUpdate() {
        LearningRateSchedule s = new LearningRateSchedule(new ScheduleConfig("cosine", 1, 0, 0, 0.01), BASE, 10, 5);
        assertEquals(0.1, s.rate(9), 1e-15, "warm-up end");
        assertEquals(0.1, s.rate(10), 1e-15, "cosine starts at the base rate");
        assertEquals(0.01, s.rate(49), 1e-15, "the last update (epochs * stepsPerEpoch - 1) uses minLearningRate");
        assertEquals(0.01, s.rate(80), 1e-15, "and so does any update after it");
        double quarter = 0.01 + 0.09 * 0.5 * (1 + Math.cos(Math.PI * 0.25));
        LearningRateSchedule noWarmUp = new LearningRateSchedule(new ScheduleConfig("cosine", 0, 0, 0, 0.01), BASE, 5, 5);
        assertEquals(quarter, noWarmUp.rate(6), 1e-15, "a quarter of the way (6 of 24)");
        assertEquals(0.055, noWarmUp.rate(12), 1e-15, "halfway: the mean of base and minimum");
        assertEquals(0.01, noWarmUp.rate(24), 1e-15);
        for (int u = 1; u < 25; u++) {
            assertEquals(true, noWarmUp.rate(u) < noWarmUp.rate(u - 1), "decreasing at " + u);
        }
        LearningRateSchedule toZero = new LearningRateSchedule(new ScheduleConfig("cosine", 0, 0, 0, 0), BASE, 3, 2);
        assertEquals(0.0, toZero.rate(5), 1e-15, "default minimum 0");
    }

    @Test
    void aWarmUpAsLongAsTheRunIsAllowedAndADegenerateCosineEndsAtTheMinimum() {
        LearningRateSchedule s = new LearningRateSchedule(new ScheduleConfig("cosine", 2, 0, 0, 0.001), BASE, 1, 3);
        assertEquals(0.05, s.rate(0), 1e-15);
        assertEquals(0.1, s.rate(1), 1e-15);
        assertEquals(0.001, s.rate(2), 1e-15, "the single decay update is the last one");
        LearningRateSchedule longer = new LearningRateSchedule(new ScheduleConfig("constant", 4, 0, 0, 0), BASE, 1, 2);
        assertEquals(0.05, longer.rate(1), 1e-15);
    }

    @Test
    void rejectsBadArguments() {
        LearningRateSchedule s = new LearningRateSchedule(ScheduleConfig.constant(), BASE, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> s.rate(-1));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(ScheduleConfig.constant(), BASE, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(ScheduleConfig.constant(), BASE, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(ScheduleConfig.constant(), 0, 1, 1));
    }

    @Test
    void ofUsesTheSettingsBaseRateAndSchedule() {
        OptimizerSettings settings = OptimizerSettings.of("sgd", 0.2, 0, 0.9, new ScheduleConfig("step", 0, 1, 0.5, 0), 0);
        LearningRateSchedule s = LearningRateSchedule.of(settings, 4, 3);
        assertEquals(0.2, s.rate(3), 1e-15);
        assertEquals(0.1, s.rate(4), 1e-15);
        assertEquals(0.2, Optimizers.create(settings, 4, 3).learningRate(0), 1e-15);
    }
}
