package org.mer4j.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.TaskModel;
import org.mer4j.models.heads.HeadSpec;
import org.mer4j.train.ClipBatcher;
import org.mer4j.train.FusionBatch;
import org.mer4j.train.FusionTrainer;
import org.mer4j.train.SyntheticAlignedClips;
import org.mer4j.train.SyntheticClipsConfig;
import org.mer4j.train.TrainConfig;
import org.mer4j.train.TrainedModel;
import org.mer4j.train.TrainingListener;
import org.mer4j.train.tasks.DimensionalConfig;
import org.mer4j.train.tasks.TaskContext;
import org.mer4j.train.tasks.TaskRegistry;
import org.mer4j.train.tasks.TaskSet;

/**
 * The contract every fusion model must pass, public so that a plug-in's own test suite runs it:
 * {@code class MyFusionContractTest extends FusionContract} listing its {@link ContractCase}s
 * (default and non-default configs). Each case is checked with the heads of every built-in task
 * kind (frame A/H with an attention-pooled video head, clip emotion, frame and clip inconsistency,
 * a per-step valence trace) on a separable synthetic problem with two modalities (video, audio): it
 * gives the heads' shapes, learns every task through the framework's training loop, round-trips its
 * parameters, is reproducible for a seed, rejects wrong inputs with a message naming the input and
 * the expected shape, ignores masked steps, stays finite for a clip with every step masked, and
 * computes the same gradients when the garbage collector runs between forward and backward. Test
 * names are the cases' labels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FusionContract {
    private static final SyntheticClipsConfig DATA = SyntheticClipsConfig.small();

    /** The cases to check, e.g. {@code Stream.of(ContractCase.defaults(p), ContractCase.of(p, Map.of("rank", 2)))}. */
    protected abstract Stream<ContractCase> contractCases();

    /** ah (video by attention), inconsistency, emotion and a step-level valence head. */
    private static TaskSet allTaskKinds(List<AlignedClip> all, List<AlignedClip> train) {
        TaskRegistry r = TaskRegistry.load();
        List<TaskSet.Choice> choices = List.of(
                new TaskSet.Choice(r.get("ah"), new org.mer4j.train.tasks.BinaryEventConfig("ah", 1, "attention", 0, 0)),
                new TaskSet.Choice(r.get("inconsistency"), r.get("inconsistency").defaultConfig()),
                new TaskSet.Choice(r.get("emotion"), r.get("emotion").defaultConfig()),
                new TaskSet.Choice(r.get("valence"), new DimensionalConfig("valence", 1, List.of("valence"), "step")));
        return TaskSet.create(choices, new TaskContext(Map.of(), all, train));
    }

    private record Fixture(List<AlignedClip> clips, TaskSet tasks, ModelSpec spec) {
        TaskModel build(ContractCase c, NDManager manager, int seed) {
            Engine.getInstance().setRandomSeed(seed);
            TaskModel model = new TaskModel(spec, c.build(spec));
            model.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(spec, 2, 5));
            return model;
        }

        FusionBatch batch(NDManager manager, int from, int to) {
            return new ClipBatcher(spec, tasks).batch(manager, clips.subList(from, to));
        }
    }

    private static Fixture fixture() {
        List<AlignedClip> clips = SyntheticAlignedClips.generate(DATA, 1);
        TaskSet tasks = allTaskKinds(clips, clips);
        return new Fixture(clips, tasks, new ModelSpec(List.copyOf(DATA.dims().keySet()), DATA.dims(), tasks.heads()));
    }

    private static NDList infer(ai.djl.nn.Block block, NDManager manager, NDList inputs) {
        return block.forward(new ParameterStore(manager, false), inputs, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    public void buildsWithTheHeadsShapes(ContractCase c) {
        Fixture f = fixture();
        try (NDManager manager = NDManager.newBaseManager()) {
            TaskModel model = f.build(c, manager, 1);
            FusionBatch batch = f.batch(manager, 0, 4);
            NDList out = infer(model, manager, batch.inputs());
            // TaskModel returns the heads in spec order, then the fusion model's auxiliary outputs named aux.<name>
            int heads = f.spec().heads().size();
            assertTrue(out.size() >= heads, "one output per head, got " + out.size() + " outputs for " + heads + " heads");
            for (int i = 0; i < out.size(); i++) {
                String outputName = out.get(i).getName();
                boolean auxiliary = outputName != null && outputName.startsWith(TaskModel.AUX_PREFIX);
                assertEquals(i >= heads, auxiliary, "output " + i + " (" + outputName + "): one output per head, then only aux.* outputs");
                if (auxiliary && outputName.startsWith(TaskModel.AUX_PREFIX + "loss")) {
                    assertEquals(new Shape(), out.get(i).getShape(), outputName + " is added to the training loss and must be a scalar");
                }
            }
            for (int i = 0; i < heads; i++) {
                HeadSpec h = f.spec().heads().get(i);
                Shape expected = h.level() == HeadSpec.Level.STEP ? new Shape(4, batch.steps(), h.units()) : new Shape(4, h.units());
                assertEquals(expected, out.get(i).getShape(), "head " + h.name());
            }
        }
    }

    /**
     * Utterance-level input: every modality pooled to one step per clip (T = 1), as utterance-level
     * corpora and pooled features give it. The heads keep their shapes and the outputs are finite.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    public void worksOnUtteranceLevelInputs(ContractCase c) {
        Fixture f = fixture();
        try (NDManager manager = NDManager.newBaseManager()) {
            TaskModel model = f.build(c, manager, 1);
            NDList steps = f.batch(manager, 0, 3).inputs();
            NDList utterances = new NDList();
            for (int i = 0; i < steps.size(); i += 2) {
                NDArray mask = steps.get(i + 1).expandDims(2);
                NDArray sum = steps.get(i).mul(mask).sum(new int[] {1}, true);
                NDArray count = mask.sum(new int[] {1}, true);
                utterances.add(sum.div(count.maximum(manager.ones(count.getShape()))));
                utterances.add(count.squeeze(2).gt(manager.zeros(new Shape(3, 1))).toType(DataType.FLOAT32, false));
            }
            NDList out = infer(model, manager, utterances);
            for (int i = 0; i < out.size(); i++) {
                if (i < f.spec().heads().size()) {
                    HeadSpec h = f.spec().heads().get(i);
                    Shape expected = h.level() == HeadSpec.Level.STEP ? new Shape(3, 1, h.units()) : new Shape(3, h.units());
                    assertEquals(expected, out.get(i).getShape(), c + " head " + h.name() + " on utterance-level input");
                }
                for (float v : out.get(i).toFloatArray()) {
                    assertTrue(Float.isFinite(v), c + " gave a non-finite output on utterance-level input");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    public void learnsEveryTaskKindThroughTheFrameworkLoop(ContractCase c, @TempDir Path dir) throws Exception {
        List<AlignedClip> train = SyntheticAlignedClips.generate(DATA, 11);
        List<AlignedClip> test = SyntheticAlignedClips.generate(DATA, 12);
        List<AlignedClip> all = new ArrayList<>(train);
        all.addAll(test);
        TaskSet tasks = allTaskKinds(all, train);
        ModelSpec spec = new ModelSpec(List.copyOf(DATA.dims().keySet()), DATA.dims(), tasks.heads());
        TrainConfig cfg = TrainConfig.adam(25, 4, 3e-3, 25);
        try (TrainedModel model = new FusionTrainer().train(spec, c.build(spec), tasks, train,
                List.of(), cfg, 3, dir, TrainingListener.NONE)) {
            Map<String, Double> m = model.evaluate(test);
            assertTrue(m.get("ah_frame_macro_f1") > 0.8, c + " held-out " + m);
            assertTrue(m.get("inconsistency_frame_macro_f1") > 0.8, c + " held-out " + m);
            assertTrue(m.get("emotion_accuracy") > 0.6, c + " held-out " + m);
            assertTrue(m.get("valence_ccc") > 0.5, c + " held-out " + m);
            assertTrue(m.containsKey("ah_video_macro_f1") && m.containsKey("inconsistency_clip_ap"), c + " " + m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    public void saveLoadRoundTripGivesIdenticalOutputs(ContractCase c) throws Exception {
        Fixture f = fixture();
        try (NDManager manager = NDManager.newBaseManager()) {
            TaskModel original = f.build(c, manager, 3);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream os = new DataOutputStream(bytes)) {
                original.saveParameters(os);
            }
            TaskModel restored = f.build(c, manager, 4);
            NDList inputs = f.batch(manager, 0, 3).inputs();
            float[] expected = infer(original, manager, inputs).get(0).toFloatArray();
            assertFalse(java.util.Arrays.equals(expected, infer(restored, manager, inputs).get(0).toFloatArray()),
                    "differently seeded blocks should differ before loading");
            try (DataInputStream is = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                restored.loadParameters(manager, is);
            }
            NDList before = infer(original, manager, inputs);
            NDList after = infer(restored, manager, inputs);
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i).toFloatArray(), after.get(i).toFloatArray());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    public void sameSeedGivesSameOutputs(ContractCase c) {
        Fixture f = fixture();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList inputs = f.batch(manager, 0, 2).inputs();
            float[] first = infer(f.build(c, manager, 11), manager, inputs).get(2).toFloatArray();
            float[] second = infer(f.build(c, manager, 11), manager, inputs).get(2).toFloatArray();
            float[] other = infer(f.build(c, manager, 12), manager, inputs).get(2).toFloatArray();
            assertArrayEquals(first, second);
            assertFalse(java.util.Arrays.equals(first, other), "a different seed should give a different model");
        }
    }

    /**
     * Autograd may keep any tensor of the forward pass until backward. A tensor whose memory is a
     * Java buffer (DJL's {@code NDArray.mul(Number)} and friends make one for the scalar and close it
     * at once) is freed by the garbage collector at a moment nobody controls; backward then reads
     * freed memory, and training drifts from run to run or turns NaN. Here the collector runs (and
     * the freed memory is reused) between forward and backward: every gradient must be unchanged.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    public void gradientsDoNotDependOnGarbageCollectionBetweenForwardAndBackward(ContractCase c) throws Exception {
        Fixture f = fixture();
        try (NDManager manager = NDManager.newBaseManager()) {
            TaskModel model = f.build(c, manager, 5);
            List<float[]> quiet = gradients(model, f, manager, false);
            List<float[]> collected = gradients(model, f, manager, true);
            assertEquals(quiet.size(), collected.size());
            for (int i = 0; i < quiet.size(); i++) {
                assertArrayEquals(quiet.get(i), collected.get(i), c + " gradient of " + model.getParameters().get(i).getKey()
                        + " changed when the garbage collector ran before backward");
            }
        }
    }

    private static List<float[]> gradients(TaskModel model, Fixture f, NDManager manager, boolean collectGarbage) throws Exception {
        for (var p : model.getParameters()) {
            NDArray w = p.getValue().getArray();
            if (w.hasGradient()) {
                try (NDArray g = w.getGradient()) {
                    g.subi(g);
                }
            } else {
                w.setRequiresGradient(true);
            }
        }
        List<float[]> out = new ArrayList<>();
        try (NDManager batchManager = manager.newSubManager()) {
            FusionBatch batch = f.batch(batchManager, 0, 4);
            Engine.getInstance().setRandomSeed(9);
            try (ai.djl.training.GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList outputs = model.forward(new ParameterStore(batchManager, false), batch.inputs(), true);
                NDArray loss = f.tasks().loss(outputs, batch.labels());
                if (collectGarbage) {
                    GarbageCollection.freeUnreachableDirectMemory();
                }
                collector.backward(loss);
            }
            for (var p : model.getParameters()) {
                try (NDArray g = p.getValue().getArray().getGradient()) {
                    out.add(g.toFloatArray());
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    public void rejectsWrongInputsWithClearMessage(ContractCase c) {
        Fixture f = fixture();
        try (NDManager manager = NDManager.newBaseManager()) {
            TaskModel block = f.build(c, manager, 1);
            NDList in = f.batch(manager, 0, 2).inputs();
            long t = in.get(0).getShape().get(1);
            NDList tooFew = new NDList(in.get(0), in.get(1), in.get(2));
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> infer(block, manager, tooFew));
            assertTrue(count.getMessage().contains("expected 4 inputs"), count.getMessage());
            NDList wrongDim = new NDList(in.get(0), in.get(1), manager.zeros(new Shape(2, t, DATA.dims().get(Modality.AUDIO) - 1)), in.get(3));
            IllegalArgumentException dim = assertThrows(IllegalArgumentException.class, () -> infer(block, manager, wrongDim));
            assertTrue(dim.getMessage().contains("audio") && dim.getMessage().contains("[B,T," + DATA.dims().get(Modality.AUDIO) + "]"), dim.getMessage());
            NDList wrongSteps = new NDList(in.get(0), in.get(1), manager.zeros(new Shape(2, t + 1, DATA.dims().get(Modality.AUDIO))), manager.zeros(new Shape(2, t + 1)));
            IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> infer(block, manager, wrongSteps));
            assertTrue(steps.getMessage().contains("aligned timeline"), steps.getMessage());
            NDList wrongMask = new NDList(in.get(0), manager.zeros(new Shape(2, t - 1)), in.get(2), in.get(3));
            IllegalArgumentException mask = assertThrows(IllegalArgumentException.class, () -> infer(block, manager, wrongMask));
            assertTrue(mask.getMessage().contains("mask of video"), mask.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractCases")
    public void maskedStepsDoNotChangeValidOutputsAndAllMaskedClipIsFinite(ContractCase c) {
        Fixture f = fixture();
        try (NDManager manager = NDManager.newBaseManager()) {
            TaskModel block = f.build(c, manager, 2);
            NDList inputs = f.batch(manager, 0, 2).inputs();
            long t = inputs.get(0).getShape().get(1);
            // mask the last 3 steps of clip 1 in every modality, then overwrite their features with large values
            NDList masked = new NDList();
            for (int i = 0; i < inputs.size(); i += 2) {
                NDArray m = inputs.get(i + 1).duplicate();
                m.set(new ai.djl.ndarray.index.NDIndex("1, " + (t - 3) + ":"), 0f);
                masked.add(inputs.get(i));
                masked.add(m);
            }
            NDList changed = new NDList();
            for (int i = 0; i < masked.size(); i += 2) {
                NDArray x = masked.get(i).duplicate();
                x.set(new ai.djl.ndarray.index.NDIndex("1, " + (t - 3) + ":, :"), 1000f);
                changed.add(x);
                changed.add(masked.get(i + 1));
            }
            NDList out = infer(block, manager, masked);
            NDList out2 = infer(block, manager, changed);
            String valid = "1, :" + (t - 3);
            assertArrayEquals(out.get(0).get(valid).toFloatArray(), out2.get(0).get(valid).toFloatArray(), 1e-3f,
                    "valid steps must not see masked steps");
            int emotion = f.tasks().heads().indexOf(f.tasks().heads().stream().filter(h -> h.name().equals("emotion")).findFirst().orElseThrow());
            assertArrayEquals(out.get(emotion).toFloatArray(), out2.get(emotion).toFloatArray(), 1e-3f, "pooled heads must ignore masked steps");

            NDList allMasked = new NDList();
            for (int i = 0; i < inputs.size(); i += 2) {
                allMasked.add(inputs.get(i));
                allMasked.add(manager.zeros(inputs.get(i + 1).getShape()));
            }
            for (NDArray o : infer(block, manager, allMasked)) {
                for (float v : o.toFloatArray()) {
                    assertTrue(Float.isFinite(v), c + " produced a non-finite output for an all-masked clip");
                }
            }
        }
    }
}
