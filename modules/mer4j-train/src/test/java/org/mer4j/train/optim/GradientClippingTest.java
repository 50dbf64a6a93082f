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

class GradientClippingTest {
    /** A Linear(2 -> 1) without bias, weight (1, -1), after backward of {@code sum(w . x)}: the gradient is x. */
    private interface WithGradient {
        void run(Trainer trainer, Block block, NDArray weight) throws Exception;
    }

    private static void withGradient(float[] x, StatefulOptimizer optimizer, WithGradient body) throws Exception {
        try (Model model = Model.newInstance("clip", Device.cpu())) {
            Block linear = Linear.builder().setUnits(1).optBias(false).build();
            model.setBlock(linear);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optDevices(new Device[] {Device.cpu()});
            if (optimizer != null) {
                config.optOptimizer(optimizer);
            }
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 2));
                NDArray w = linear.getParameters().get(0).getValue().getArray();
                w.set(new float[] {1, -1});
                try (NDManager batch = trainer.getManager().newSubManager()) {
                    try (GradientCollector c = trainer.newGradientCollector()) {
                        c.backward(trainer.forward(new NDList(batch.create(x, new Shape(1, 2)))).singletonOrThrow().sum());
                    }
                    body.run(trainer, linear, w);
                }
            }
        }
    }

    @Test
    void scalesAKnownGradientToTheMaximumNorm() throws Exception {
        withGradient(new float[] {3, 4}, null, (trainer, block, w) -> {
            assertEquals(5.0, GradientClipping.globalNorm(block), 1e-6);
            assertEquals(5.0, GradientClipping.clipGlobalNorm(block, 1.0), 1e-6, "returns the norm before clipping");
            float scale = (float) (1.0 / (5.0 + 1e-6));
            assertArrayEquals(new float[] {3 * scale, 4 * scale}, w.getGradient().toFloatArray(), 1e-7f);
            assertEquals(1.0, GradientClipping.globalNorm(block), 1e-6, "the norm is now the maximum");
            assertEquals(1.0, GradientClipping.clipGlobalNorm(block, 2.0), 1e-6, "under the maximum: unchanged");
            assertArrayEquals(new float[] {3 * scale, 4 * scale}, w.getGradient().toFloatArray(), 1e-7f);
        });
    }

    @Test
    void theTrainerStepUsesTheClippedGradient() throws Exception {
        // SGD's first step is w -= lr * g whatever the momentum
        StatefulOptimizer sgd = Optimizers.create(OptimizerSettings.of("sgd", 0.1, 0, 0.9, null, 0), 1, 1);
        withGradient(new float[] {3, 4}, sgd, (trainer, block, w) -> {
            GradientClipping.clipGlobalNorm(block, 0.5);
            trainer.step();
            float scale = (float) (0.5 / (5.0 + 1e-6));
            assertArrayEquals(new float[] {1 - 0.1f * 3 * scale, -1 - 0.1f * 4 * scale}, w.toFloatArray(), 1e-6f);
        });
    }

    @Test
    void leavesNoTemporariesAndRejectsANonPositiveMaximum() throws Exception {
        withGradient(new float[] {3, 4}, null, (trainer, block, w) -> {
            BaseNDManager manager = (BaseNDManager) w.getManager();
            GradientClipping.clipGlobalNorm(block, 1.0);
            int arrays = manager.getManagedArrays().size();
            for (int i = 0; i < 10; i++) {
                GradientClipping.clipGlobalNorm(block, 0.5);
            }
            assertEquals(arrays, manager.getManagedArrays().size());
            assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipGlobalNorm(block, 0));
            assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipGlobalNorm(block, Double.NaN));
        });
    }
}
