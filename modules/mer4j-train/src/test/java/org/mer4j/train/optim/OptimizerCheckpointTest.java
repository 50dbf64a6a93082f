package org.mer4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Saving and loading the optimiser state: 3 + 3 steps through a checkpoint equal 6 steps bit for bit. */
class OptimizerCheckpointTest {
    private static final int STEPS_PER_EPOCH = 2;
    private static final int EPOCHS = 3;
    private static final int BATCH = 4;
    private static final float[][] X = new float[6][];
    private static final float[][] Y = new float[6][];

    static {
        Random random = new Random(7);
        for (int s = 0; s < X.length; s++) {
            X[s] = new float[BATCH * 3];
            Y[s] = new float[BATCH * 2];
            for (int i = 0; i < X[s].length; i++) {
                X[s][i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < Y[s].length; i++) {
                Y[s][i] = (float) random.nextGaussian();
            }
        }
    }

    static List<OptimizerSettings> settings() {
        return List.of(
                OptimizerSettings.of("adam", 0.05, 1e-3, 0.9, new ScheduleConfig("step", 0, 1, 0.5, 0), 0.5),
                OptimizerSettings.of("adamw", 0.05, 0.01, 0.9, new ScheduleConfig("cosine", 1, 0, 0, 1e-3), 1.0),
                OptimizerSettings.of("sgd", 0.05, 1e-3, 0.9, new ScheduleConfig("constant", 1, 0, 0, 0), 0));
    }

    private static Block newBlock() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(5).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(2).build());
    }

    /** What a run leaves behind. */
    private record Snapshot(byte[] params, byte[] state, List<float[]> weights, List<String> ids, long steps) {
    }

    /** Builds a fresh model, optimiser and trainer (restoring {@code from} if given) and trains steps [first, last). */
    private static Snapshot train(OptimizerSettings settings, Snapshot from, boolean restoreOptimizer, int first, int last,
                                  int initSeed) throws IOException, ai.djl.MalformedModelException {
        StatefulOptimizer optimizer = Optimizers.create(settings, STEPS_PER_EPOCH, EPOCHS);
        try (Model model = Model.newInstance("checkpoint", Device.cpu())) {
            Block block = newBlock();
            model.setBlock(block);
            Engine.getInstance().setRandomSeed(initSeed);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3));
            if (from != null) {
                block.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(from.params())));
                if (restoreOptimizer) {
                    optimizer.loadState(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(from.state())), block);
                }
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer)
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3));
                for (int step = first; step < last; step++) {
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        NDArray x = batch.create(X[step], new Shape(BATCH, 3));
                        NDArray y = batch.create(Y[step], new Shape(BATCH, 2));
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList out = trainer.forward(new NDList(x));
                            collector.backward(trainer.getLoss().evaluate(new NDList(y), out));
                        }
                        if (settings.clipGradNorm() > 0) {
                            GradientClipping.clipGlobalNorm(block, settings.clipGradNorm());
                        }
                        trainer.step();
                    }
                }
                ByteArrayOutputStream params = new ByteArrayOutputStream();
                block.saveParameters(new DataOutputStream(params));
                ByteArrayOutputStream state = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(state)) {
                    optimizer.saveState(out, block);
                }
                List<float[]> weights = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (Pair<String, Parameter> p : block.getParameters()) {
                    weights.add(p.getValue().getArray().toFloatArray());
                    ids.add(p.getValue().getId());
                }
                return new Snapshot(params.toByteArray(), state.toByteArray(), weights, ids, optimizer.stepCount());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void threePlusThreeStepsThroughACheckpointEqualSixSteps(OptimizerSettings settings) throws Exception {
        Snapshot whole = train(settings, null, false, 0, 6, 11);
        Snapshot half = train(settings, null, false, 0, 3, 11);
        assertEquals(3, half.steps());
        // the resumed model starts from another initialisation, which the loaded weights replace
        Snapshot resumed = train(settings, half, true, 3, 6, 12345);
        assertFalse(resumed.ids().stream().anyMatch(half.ids()::contains), "a rebuilt block has new parameter ids");
        assertEquals(6, resumed.steps());
        assertEquals(whole.weights().size(), resumed.weights().size());
        for (int i = 0; i < whole.weights().size(); i++) {
            assertArrayEquals(whole.weights().get(i), resumed.weights().get(i), settings.optimizer() + ": parameter " + i + " bit-identical");
        }
        assertArrayEquals(whole.state(), resumed.state(), "the optimiser states are identical too");
        assertFalse(Arrays.equals(whole.weights().get(0), half.weights().get(0)), "the last 3 steps changed the weights");

        Snapshot forgetful = train(settings, half, false, 3, 6, 12345);
        assertNotEquals(Arrays.toString(whole.weights().get(0)), Arrays.toString(forgetful.weights().get(0)),
                "without the optimiser state the run differs (so the state matters)");
    }

    @Test
    void loadingRejectsAnotherRuleAnotherModelAndGarbage() throws Exception {
        Snapshot adam = train(settings().get(0), null, false, 0, 1, 3);
        StatefulOptimizer sgd = Optimizers.create(settings().get(2), STEPS_PER_EPOCH, EPOCHS);
        StatefulOptimizer other = Optimizers.create(settings().get(0), STEPS_PER_EPOCH, EPOCHS);
        try (Model model = Model.newInstance("other", Device.cpu())) {
            Block block = newBlock();
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3));
            IOException rule = assertThrows(IOException.class, () -> sgd.loadState(model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(adam.state())), block));
            assertTrue(rule.getMessage().contains("train.optimizer is 'sgd'") && rule.getMessage().contains("'adam'"), rule.getMessage());

            Block wider = new SequentialBlock().add(Linear.builder().setUnits(6).build()).add(Activation::tanh)
                    .add(Linear.builder().setUnits(2).build());
            wider.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3));
            IOException shape = assertThrows(IOException.class, () -> other.loadState(model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(adam.state())), wider));
            assertTrue(shape.getMessage().contains("01Linear_weight"), shape.getMessage());

            // parameters named 02Linear_weight and 02Linear_bias only
            Block shallower = new SequentialBlock().add(Activation::tanh).add(Linear.builder().setUnits(2).build());
            shallower.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3));
            IOException missing = assertThrows(IOException.class, () -> other.loadState(model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(adam.state())), shallower));
            assertTrue(missing.getMessage().contains("does not have"), missing.getMessage());

            assertThrows(IOException.class, () -> other.loadState(model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(new byte[] {0, 3, 'a', 'b', 'c'})), block));
            assertEquals(0, other.stepCount(), "a failed load changes nothing");

            other.loadState(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(adam.state())), block);
            assertEquals(1, other.stepCount());
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            other.saveState(new DataOutputStream(again), block);
            assertArrayEquals(adam.state(), again.toByteArray(), "load then save reproduces the bytes");

            IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                    () -> other.saveState(new DataOutputStream(new ByteArrayOutputStream()), shallower));
            assertTrue(foreign.getMessage().contains("not in the given block"), foreign.getMessage());
        }
    }
}
