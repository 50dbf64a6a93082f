package org.mer4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Activation;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mer4j.api.Modality;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every registered fusion model must pass (see the package documentation). */
class FusionProviderContractTest {
    private static final ModelSpec SPEC = SyntheticTensors.SPEC;

    static Stream<String> providers() {
        return FusionRegistry.load().names().stream();
    }

    private static Block buildInitialised(String name, NDManager manager, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        Block block = FusionRegistry.load().buildDefault(name, SPEC);
        block.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(SPEC, 2, 5));
        return block;
    }

    private static NDList infer(Block block, NDManager manager, NDList inputs) {
        return block.forward(new ParameterStore(manager, false), inputs, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void buildsFromDefaultConfigWithContractShapes(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = buildInitialised(name, manager, 1);
            SyntheticTensors data = SyntheticTensors.create(manager, 4, 7, 3, 1);
            NDList out = infer(block, manager, data.inputs);
            assertEquals(2, out.size(), "outputs (ahLogits, emotionLogits)");
            assertEquals(new Shape(4, 7), out.get(0).getShape());
            assertEquals(new Shape(4, SPEC.emotionCount()), out.get(1).getShape());
            assertArrayEquals(new Shape[] {new Shape(2, 5), new Shape(2, 3)},
                    block.getOutputShapes(FusionInputs.initShapes(SPEC, 2, 5)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void learnsSeparableFrameTask(String name) {
        Engine.getInstance().setRandomSeed(7);
        try (Model model = Model.newInstance("contract-" + name)) {
            model.setBlock(FusionRegistry.load().buildDefault(name, SPEC));
            DefaultTrainingConfig config = new DefaultTrainingConfig(new FrameBce())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(5e-3f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(FusionInputs.initShapes(SPEC, 2, 5));
                NDManager manager = trainer.getManager();
                for (int step = 0; step < 80; step++) {
                    try (NDManager batch = manager.newSubManager()) {
                        SyntheticTensors data = SyntheticTensors.create(batch, 16, 12, 4, step);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList out = trainer.forward(data.inputs);
                            NDArray loss = trainer.getLoss().evaluate(new NDList(data.labels, data.labelMask), out);
                            collector.backward(loss);
                        }
                        trainer.step();
                    }
                }
                try (NDManager test = manager.newSubManager()) {
                    SyntheticTensors heldOut = SyntheticTensors.create(test, 32, 12, 4, 10_000);
                    NDArray logits = infer(model.getBlock(), test, heldOut.inputs).get(0);
                    double accuracy = heldOut.frameAccuracy(logits);
                    assertTrue(accuracy > 0.9, name + " held-out frame accuracy " + accuracy + " <= 0.9");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void saveLoadRoundTripGivesIdenticalOutputs(String name) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block original = buildInitialised(name, manager, 3);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream os = new DataOutputStream(bytes)) {
                original.saveParameters(os);
            }
            Block restored = buildInitialised(name, manager, 4);
            SyntheticTensors data = SyntheticTensors.create(manager, 3, 6, 2, 5);
            float[] expected = infer(original, manager, data.inputs).get(0).toFloatArray();
            assertFalse(java.util.Arrays.equals(expected, infer(restored, manager, data.inputs).get(0).toFloatArray()),
                    "differently seeded blocks should differ before loading");
            try (DataInputStream is = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                restored.loadParameters(manager, is);
            }
            NDList after = infer(restored, manager, data.inputs);
            assertArrayEquals(expected, after.get(0).toFloatArray());
            assertArrayEquals(infer(original, manager, data.inputs).get(1).toFloatArray(), after.get(1).toFloatArray());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void sameSeedGivesSameOutputs(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SyntheticTensors data = SyntheticTensors.create(manager, 2, 5, 1, 9);
            float[] first = infer(buildInitialised(name, manager, 11), manager, data.inputs).get(1).toFloatArray();
            float[] second = infer(buildInitialised(name, manager, 11), manager, data.inputs).get(1).toFloatArray();
            float[] other = infer(buildInitialised(name, manager, 12), manager, data.inputs).get(1).toFloatArray();
            assertArrayEquals(first, second);
            assertFalse(java.util.Arrays.equals(first, other), "a different seed should give a different model");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void rejectsWrongInputsWithClearMessage(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = buildInitialised(name, manager, 1);
            SyntheticTensors data = SyntheticTensors.create(manager, 2, 5, 1, 1);
            NDList tooFew = new NDList(data.inputs.get(0), data.inputs.get(1), data.inputs.get(2));
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> infer(block, manager, tooFew));
            assertTrue(count.getMessage().contains("expected 4 inputs"), count.getMessage());

            NDList wrongDim = new NDList(data.inputs.get(0), data.inputs.get(1),
                    manager.zeros(new Shape(2, 5, 4)), data.inputs.get(3));
            IllegalArgumentException dim = assertThrows(IllegalArgumentException.class, () -> infer(block, manager, wrongDim));
            assertTrue(dim.getMessage().contains("audio") && dim.getMessage().contains("[B,T,3]"), dim.getMessage());

            NDList wrongSteps = new NDList(data.inputs.get(0), data.inputs.get(1),
                    manager.zeros(new Shape(2, 6, 3)), manager.zeros(new Shape(2, 6)));
            IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> infer(block, manager, wrongSteps));
            assertTrue(steps.getMessage().contains("aligned timeline"), steps.getMessage());

            NDList wrongMask = new NDList(data.inputs.get(0), manager.zeros(new Shape(2, 4)), data.inputs.get(2), data.inputs.get(3));
            IllegalArgumentException mask = assertThrows(IllegalArgumentException.class, () -> infer(block, manager, wrongMask));
            assertTrue(mask.getMessage().contains("mask of video"), mask.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void maskedStepsDoNotChangeValidOutputsAndAllMaskedClipIsFinite(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = buildInitialised(name, manager, 2);
            SyntheticTensors data = SyntheticTensors.create(manager, 2, 6, 2, 3);
            NDList out = infer(block, manager, data.inputs);
            // clip 1 has its last 2 steps masked: overwrite their features with large values
            NDList changed = new NDList();
            for (int i = 0; i < data.inputs.size(); i += 2) {
                NDArray x = data.inputs.get(i).duplicate();
                x.set(new ai.djl.ndarray.index.NDIndex("1, 4:, :"), 1000f);
                changed.add(x);
                changed.add(data.inputs.get(i + 1));
            }
            NDList out2 = infer(block, manager, changed);
            float[] before = out.get(0).get("1, :4").toFloatArray();
            float[] after = out2.get(0).get("1, :4").toFloatArray();
            assertArrayEquals(before, after, 1e-4f, "valid steps must not see masked steps");
            assertArrayEquals(out.get(1).toFloatArray(), out2.get(1).toFloatArray(), 1e-4f, "pooled emotion must ignore masked steps");

            NDList allMasked = new NDList();
            for (int i = 0; i < data.inputs.size(); i += 2) {
                allMasked.add(data.inputs.get(i));
                allMasked.add(manager.zeros(data.inputs.get(i + 1).getShape()));
            }
            NDList masked = infer(block, manager, allMasked);
            for (NDArray o : masked) {
                for (float v : o.toFloatArray()) {
                    assertTrue(Float.isFinite(v), name + " produced a non-finite output for an all-masked clip");
                }
            }
        }
    }

    /** Masked BCE-with-logits on the frame output, for the contract's training loop. */
    private static final class FrameBce extends Loss {
        FrameBce() {
            super("frameBce");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray z = predictions.get(0);
            NDArray y = labels.get(0);
            NDArray mask = labels.get(1);
            NDArray loss = Activation.relu(z).sub(z.mul(y)).add(z.abs().neg().exp().add(1f).log());
            return loss.mul(mask).sum().div(mask.sum().maximum(1f));
        }
    }
}
