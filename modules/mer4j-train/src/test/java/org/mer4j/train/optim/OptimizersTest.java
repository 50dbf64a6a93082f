package org.mer4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptimizersTest {
    private static final float[] X = {0.5f, -1.0f, 2.0f, 0.25f, 1.5f, -0.5f};
    private static final float[] Y = {1.0f, -2.0f};

    /** Five steps of {@code loss = sum((w x)^2)/2 - ...} on a Linear(3 -> 1) without bias; returns the weights. */
    private static float[] train(OptimizerSettings s, int steps, byte[][] stateInOut, float[] startWeights) throws Exception {
        StatefulOptimizer optimizer = Optimizers.create(s, 1, 10);
        try (Model model = Model.newInstance("opt")) {
            Block linear = Linear.builder().setUnits(1).optBias(false).build();
            model.setBlock(linear);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer))) {
                trainer.initialize(new Shape(2, 3));
                NDArray w = linear.getParameters().get(0).getValue().getArray();
                w.set(startWeights);
                if (stateInOut[0] != null) {
                    optimizer.loadState(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(stateInOut[0])), linear);
                }
                NDManager m = trainer.getManager();
                for (int i = 0; i < steps; i++) {
                    try (GradientCollector c = trainer.newGradientCollector()) {
                        NDArray out = trainer.forward(new NDList(m.create(X, new Shape(2, 3)))).singletonOrThrow();
                        c.backward(out.sub(m.create(Y, new Shape(2, 1))).square().sum().mul(0.5f));
                    }
                    trainer.step();
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                optimizer.saveState(new DataOutputStream(bytes), linear);
                stateInOut[0] = bytes.toByteArray();
                return w.toFloatArray();
            }
        }
    }

    /** The same steps in double precision, written out by hand. */
    private static double[] reference(String type, double lr, double wd, double momentum, int steps, float[] start) {
        double[] w = {start[0], start[1], start[2]};
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= steps; t++) {
            double[] g = new double[3];
            for (int r = 0; r < 2; r++) {
                double pred = 0;
                for (int k = 0; k < 3; k++) {
                    pred += w[k] * X[r * 3 + k];
                }
                for (int k = 0; k < 3; k++) {
                    g[k] += (pred - Y[r]) * X[r * 3 + k];
                }
            }
            for (int k = 0; k < 3; k++) {
                switch (type) {
                    case "sgd" -> {
                        double gk = g[k] + wd * w[k];
                        m[k] = t == 1 ? gk : momentum * m[k] + gk;
                        w[k] -= lr * m[k];
                    }
                    default -> {
                        double gk = type.equals("adam") ? g[k] + wd * w[k] : g[k];
                        if (type.equals("adamw")) {
                            w[k] -= lr * wd * w[k];
                        }
                        m[k] = 0.9 * m[k] + 0.1 * gk;
                        v[k] = 0.999 * v[k] + 0.001 * gk * gk;
                        double mh = m[k] / (1 - Math.pow(0.9, t));
                        double vh = v[k] / (1 - Math.pow(0.999, t));
                        w[k] -= lr * mh / (Math.sqrt(vh) + 1e-8);
                    }
                }
            }
        }
        return w;
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "adamw", "sgd"})
    void updatesMatchAHandWrittenReference(String type) throws Exception {
        float[] start = {0.1f, -0.2f, 0.3f};
        OptimizerSettings s = OptimizerSettings.of(type, 0.05, 0.1, 0.9, null, 0);
        float[] got = train(s, 5, new byte[1][], start);
        double[] want = reference(type, 0.05, 0.1, 0.9, 5, start);
        for (int k = 0; k < 3; k++) {
            assertEquals(want[k], got[k], 1e-5, type + " weight " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "adamw", "sgd"})
    void savedStateContinuesBitForBit(String type) throws Exception {
        Engine.getInstance().setRandomSeed(1);
        float[] start = {0.1f, -0.2f, 0.3f};
        OptimizerSettings s = OptimizerSettings.of(type, 0.05, 0.01, 0.9, new ScheduleConfig("cosine", 2, 0, 0, 0), 0);
        float[] whole = train(s, 6, new byte[1][], start);
        byte[][] state = new byte[1][];
        float[] half = train(s, 3, state, start);
        float[] resumed = train(s, 3, state, half);
        assertArrayEquals(whole, resumed, type + ": 3 + 3 steps through a saved state equal 6 steps");
    }

    @Test
    void schedulesWarmUpThenDecay() {
        LearningRateSchedule constant = new LearningRateSchedule(ScheduleConfig.constant(), 0.1, 10, 5);
        assertEquals(0.1, constant.rate(0), 1e-12);
        LearningRateSchedule warm = new LearningRateSchedule(new ScheduleConfig("cosine", 1, 0, 0, 0.01), 0.1, 10, 5);
        assertEquals(0.01, warm.rate(0), 1e-12, "first warm-up update: 1/10 of the rate");
        assertEquals(0.1, warm.rate(9), 1e-12, "end of warm-up");
        assertEquals(0.1, warm.rate(10), 1e-12, "cosine starts at the base rate");
        assertEquals(0.01, warm.rate(49), 1e-12, "cosine ends at minLearningRate on the last update");
        assertEquals(0.055, warm.rate(10 + 39 / 2), 0.002, "about halfway");
        LearningRateSchedule step = new LearningRateSchedule(new ScheduleConfig("step", 0, 2, 0.5, 0), 0.1, 10, 10);
        assertEquals(0.1, step.rate(19), 1e-12);
        assertEquals(0.05, step.rate(20), 1e-12);
        assertEquals(0.025, step.rate(45), 1e-12);
    }

    @Test
    void settingsNameTheKey() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.of("adagrad", 1e-3, 0, 0.9, null, 0));
        assertTrue(type.getMessage().startsWith("train.optimizer"), type.getMessage());
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.of("adam", 0, 0, 0.9, null, 0));
        assertTrue(lr.getMessage().startsWith("train.learningRate"), lr.getMessage());
        IllegalArgumentException schedule = assertThrows(IllegalArgumentException.class, () -> new ScheduleConfig("linear", 0, 0, 0, 0));
        assertTrue(schedule.getMessage().startsWith("train.schedule.type"), schedule.getMessage());
        IllegalArgumentException clip = assertThrows(IllegalArgumentException.class, () -> OptimizerSettings.of("adam", 1e-3, 0, 0.9, null, -1));
        assertTrue(clip.getMessage().startsWith("train.clipGradNorm"), clip.getMessage());
    }

    @Test
    void clippingScalesTheGlobalNorm() throws Exception {
        try (Model model = Model.newInstance("clip")) {
            Block linear = Linear.builder().setUnits(1).optBias(false).build();
            model.setBlock(linear);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
                trainer.initialize(new Shape(1, 2));
                NDArray w = linear.getParameters().get(0).getValue().getArray();
                try (GradientCollector c = trainer.newGradientCollector()) {
                    // d/dw sum(w . x) = x = (3, 4): norm 5
                    c.backward(trainer.forward(new NDList(trainer.getManager().create(new float[] {3, 4}, new Shape(1, 2)))).singletonOrThrow().sum());
                }
                assertEquals(5.0, GradientClipping.clipGlobalNorm(linear, 1.0), 1e-5);
                assertArrayEquals(new float[] {0.6f, 0.8f}, w.getGradient().toFloatArray(), 1e-5f);
                assertEquals(1.0, GradientClipping.clipGlobalNorm(linear, 2.0), 1e-4, "under the limit: unchanged");
            }
        }
    }
}
