package org.mer4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.BaseNDManager;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The update rules against double-precision references written out by hand. */
class OptimizerUpdateTest {
    private static final float[] START = {0.5f, -1.2f, 2.0f, 0.05f};
    /** Gradients of five steps, fixed (not a function of the weights), different signs and sizes. */
    private static final float[][] GRADS = {
        {0.3f, -0.7f, 1.1f, -0.05f},
        {-0.2f, -0.4f, 0.9f, 0.01f},
        {0.6f, 0.1f, -1.5f, 0.2f},
        {0.05f, -0.9f, 0.3f, -0.3f},
        {-0.4f, 0.2f, 0.8f, 0.0f},
    };

    /** Five steps of {@code type} in double precision; {@code lr[k]} is the rate of step k. */
    static double[] reference(String type, double[] lr, double wd, double momentum, float[] start, float[][] grads) {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] w = new double[start.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = start[i];
        }
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        for (int k = 0; k < grads.length; k++) {
            int t = k + 1;
            for (int i = 0; i < w.length; i++) {
                double grad = grads[k][i];
                switch (type) {
                    case "sgd" -> {
                        double g = grad + wd * w[i];
                        m[i] = t == 1 ? g : momentum * m[i] + g;
                        w[i] -= lr[k] * m[i];
                    }
                    case "adam", "adamw" -> {
                        double g = grad;
                        if (type.equals("adam")) {
                            g += wd * w[i];
                        } else {
                            w[i] *= 1 - lr[k] * wd;
                        }
                        m[i] = b1 * m[i] + (1 - b1) * g;
                        v[i] = b2 * v[i] + (1 - b2) * g * g;
                        double mHat = m[i] / (1 - Math.pow(b1, t));
                        double vHat = v[i] / (1 - Math.pow(b2, t));
                        w[i] -= lr[k] * mHat / (Math.sqrt(vHat) + eps);
                    }
                    default -> throw new IllegalArgumentException(type);
                }
            }
        }
        return w;
    }

    private static void assertClose(double[] want, float[] got, double tolerance, String what) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], tolerance, what + " weight " + i);
        }
    }

    @ParameterizedTest(name = "{0} wd {1} schedule {2}")
    @CsvSource({
        "adam, 0, constant", "adam, 0.1, constant", "adam, 0.05, cosine",
        "adamw, 0, constant", "adamw, 0.1, constant", "adamw, 0.2, step",
        "sgd, 0, constant", "sgd, 0.1, constant", "sgd, 0.05, cosine",
    })
    void fiveUpdatesMatchTheReference(String type, double wd, String scheduleType) {
        // 2 updates per epoch for 3 epochs, 1 warm-up epoch: rates differ at every one of the 5 steps
        ScheduleConfig schedule = scheduleType.equals("constant") ? ScheduleConfig.constant()
                : new ScheduleConfig(scheduleType, 1, 1, 0.5, 0.001);
        OptimizerSettings settings = OptimizerSettings.of(type, 0.05, wd, 0.8, schedule, 0);
        StatefulOptimizer optimizer = Optimizers.create(settings, 2, 3);
        double[] lr = new double[GRADS.length];
        for (int k = 0; k < lr.length; k++) {
            lr[k] = scheduleType.equals("constant") ? 0.05 : optimizer.learningRate(k);
        }
        if (scheduleType.equals("cosine")) {
            assertArrayEquals(new double[] {0.025, 0.05, 0.05, 0.001 + 0.049 * 0.5 * (1 + Math.cos(Math.PI / 3)),
                0.001 + 0.049 * 0.5 * (1 + Math.cos(2 * Math.PI / 3))}, lr, 1e-15);
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray weight = manager.create(START);
            for (float[] g : GRADS) {
                try (NDArray grad = manager.create(g)) {
                    optimizer.update("p", weight, grad);
                }
            }
            assertEquals(5, optimizer.stepCount(), "one step per update of the only parameter");
            assertClose(reference(type, lr, wd, 0.8, START, GRADS), weight.toFloatArray(), 1e-6, type);
        }
    }

    /** A Linear(3 -> 1) without bias trained by a DJL Trainer on {@code loss = sum((w x - y)^2) / 2}: the gradients depend on the weights. */
    @ParameterizedTest
    @CsvSource({"adam", "adamw", "sgd"})
    void aTrainerDrivenRunMatchesTheReference(String type) {
        float[] x = {0.5f, -1.0f, 2.0f, 0.25f, 1.5f, -0.5f};
        float[] y = {1.0f, -2.0f};
        float[] start = {0.1f, -0.2f, 0.3f};
        double lr = 0.05;
        double wd = 0.1;
        StatefulOptimizer optimizer = Optimizers.create(OptimizerSettings.of(type, lr, wd, 0.9, null, 0), 1, 10);
        float[] got;
        try (Model model = Model.newInstance("reference", Device.cpu())) {
            Block linear = Linear.builder().setUnits(1).optBias(false).build();
            model.setBlock(linear);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer)
                    .optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(new Shape(2, 3));
                NDArray w = linear.getParameters().get(0).getValue().getArray();
                w.set(start);
                for (int step = 0; step < 5; step++) {
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        try (GradientCollector c = trainer.newGradientCollector()) {
                            NDArray out = trainer.forward(new NDList(batch.create(x, new Shape(2, 3)))).singletonOrThrow();
                            c.backward(out.sub(batch.create(y, new Shape(2, 1))).square().sum().mul(0.5f));
                        }
                        trainer.step();
                    }
                    assertArrayEquals(new float[3], w.getGradient().toFloatArray(), "the gradient is zeroed after the update");
                }
                got = w.toFloatArray();
            }
        }
        double[] w = {start[0], start[1], start[2]};
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= 5; t++) {
            double[] g = new double[3];
            for (int r = 0; r < 2; r++) {
                double pred = 0;
                for (int k = 0; k < 3; k++) {
                    pred += w[k] * x[r * 3 + k];
                }
                for (int k = 0; k < 3; k++) {
                    g[k] += (pred - y[r]) * x[r * 3 + k];
                }
            }
            for (int k = 0; k < 3; k++) {
                switch (type) {
                    case "sgd" -> {
                        double gk = g[k] + wd * w[k];
                        m[k] = t == 1 ? gk : 0.9 * m[k] + gk;
                        w[k] -= lr * m[k];
                    }
                    default -> {
                        double gk = type.equals("adam") ? g[k] + wd * w[k] : g[k];
                        if (type.equals("adamw")) {
                            w[k] -= lr * wd * w[k];
                        }
                        m[k] = 0.9 * m[k] + 0.1 * gk;
                        v[k] = 0.999 * v[k] + 0.001 * gk * gk;
                        w[k] -= lr * (m[k] / (1 - Math.pow(0.9, t))) / (Math.sqrt(v[k] / (1 - Math.pow(0.999, t))) + 1e-8);
                    }
                }
            }
        }
        assertClose(w, got, 1e-5, type);
        assertEquals(5, optimizer.stepCount());
    }

    @Test
    void oneStepPerTrainerStepWhateverTheParameterOrder() {
        // plain SGD (momentum 0) with a 3-update warm-up from base 0.3: rates 0.1, 0.2, 0.3, then 0.3
        LearningRateSchedule schedule = new LearningRateSchedule(new ScheduleConfig("constant", 1, 0, 0, 0), 0.3, 3, 2);
        Sgd sgd = new Sgd(schedule, 0, 0);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray a = manager.create(new float[] {1f});
            NDArray b = manager.create(new float[] {1f});
            NDArray one = manager.create(new float[] {1f});
            String[][] orders = {{"a", "b"}, {"b", "a"}, {"a", "b"}, {"b", "a"}};
            for (String[] order : orders) {
                for (String id : order) {
                    sgd.update(id, id.equals("a") ? a : b, one);
                }
            }
            assertEquals(4, sgd.stepCount());
            assertEquals(1 - (0.1 + 0.2 + 0.3 + 0.3), a.getFloat(), 1e-6, "a got every step's rate once");
            assertEquals(a.getFloat(), b.getFloat(), 0, "b too");
            assertEquals(0.3, sgd.nextLearningRate(), 1e-15);

            // a step that updates a subset: beginStep() marks the boundary the automatic detection cannot see
            Sgd subsets = new Sgd(schedule, 0, 0);
            subsets.update("a", a, one);
            subsets.update("b", b, one);
            subsets.beginStep();
            subsets.beginStep();
            subsets.update("b", b, one);
            subsets.beginStep();
            subsets.update("a", a, one);
            assertEquals(3, subsets.stepCount());
        }
    }

    @Test
    void updatesDoNotGrowTheManager() {
        for (String type : OptimizerSettings.OPTIMIZERS) {
            StatefulOptimizer optimizer = Optimizers.create(OptimizerSettings.of(type, 0.01, 0.01, 0.9, null, 0), 5, 4);
            try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                NDArray weight = manager.create(START);
                NDArray grad = manager.create(GRADS[0]);
                optimizer.update("p", weight, grad); // creates the state buffers
                optimizer.update("p", weight, grad); // and the rule's cached constants (sgd's momentum from its second step on)
                int arrays = ((BaseNDManager) manager).getManagedArrays().size();
                for (int i = 0; i < 20; i++) {
                    optimizer.update("p", weight, grad);
                }
                assertEquals(arrays, ((BaseNDManager) manager).getManagedArrays().size(), type + ": no temporaries left behind");
                manager.zeros(new Shape(1));
                assertEquals(arrays + 1, ((BaseNDManager) manager).getManagedArrays().size(), "the count sees new arrays");
            }
        }
    }

    @Test
    void aWeightOfAnotherShapeIsRejected() {
        StatefulOptimizer adam = Optimizers.create(OptimizerSettings.defaults(), 1, 1);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            adam.update("p", manager.create(new float[] {1, 2}), manager.create(new float[] {1, 1}));
            adam.beginStep();
            assertThrows(IllegalStateException.class,
                    () -> adam.update("p", manager.create(new float[] {1, 2, 3}), manager.create(new float[] {1, 1, 1})));
        }
    }
}
