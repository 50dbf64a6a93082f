package org.mer4j.train.optim;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DJL {@link Optimizer} whose whole state can be checkpointed and restored bit for bit, so a run
 * killed between two epochs resumes exactly as if it had never stopped. Plug it into
 * {@code DefaultTrainingConfig.optOptimizer}; DJL's {@code Trainer.step()} then calls
 * {@link #update} once per trainable parameter. Subclasses ({@link Adam} (also AdamW), {@link Sgd})
 * implement one update rule with in-place NDArray operations.
 *
 * <h2>State</h2>
 * Per parameter: its update count {@code t} (1 at its first update) and the rule's buffers (moments,
 * momentum), zeros before the first update, on the weight's manager and device. Globally: the
 * number of optimiser steps so far, which picks the learning rate from the {@link LearningRateSchedule}
 * (the {@code k}-th step, 0-based, uses {@code schedule.rate(k)} for every parameter).
 *
 * <h2>Counting steps</h2>
 * DJL calls {@link #update} once per parameter per {@code Trainer.step()}, in the (hash) order of
 * its parameter store, which is not stable between runs. A new step therefore begins at an update
 * of a parameter that was already updated in the current step (or at the first update after
 * construction, {@link #loadState} or {@link #beginStep}); the order within a step does not
 * matter. This requires every step to update each parameter at most once, which DJL does on one
 * device. Callers that update changing subsets of parameters can mark step boundaries explicitly
 * with {@link #beginStep()} (idempotent) before each step.
 *
 * <h2>Checkpoints</h2>
 * DJL parameter ids are random per {@code Parameter} object, so {@link #saveState} and
 * {@link #loadState} key the state by the parameter's path in {@code block.getParameters()}
 * (e.g. {@code 01Linear_weight}), which is the same for a rebuilt block of the same structure.
 * Buffers are written with {@link NDArray#encode()} (exact bits, any data type) after a small
 * header (format version, rule name, buffer count, step count).
 *
 * <h2>Gradients</h2>
 * After updating a weight its gradient is zeroed (as DJL's built-in optimisers do; PyTorch
 * accumulates across backward passes). DJL's builder options ({@code setRescaleGrad},
 * {@code optClipGrad}, {@code optWeightDecays}) are not used: they stay at their identity defaults,
 * weight decay is the rule's own setting, and clipping is global-norm clipping by
 * {@link GradientClipping}, called between backward and {@code Trainer.step()}.
 *
 * <p>Training on one device is supported (an update of a weight on another device than its state
 * fails). Not thread-safe, like DJL's trainer.
 */
public abstract class StatefulOptimizer extends Optimizer {
    /** First item of a saved state. */
    static final String MAGIC = "mer4j-optimizer-state";
    /** Version of the saved layout. */
    static final int FORMAT = 1;

    private final String name;
    private final LearningRateSchedule schedule;
    /** By DJL parameter id. */
    private final Map<String, ParameterState> states = new HashMap<>();
    /** Parameter ids updated in the current step. */
    private final Set<String> updatedThisStep = new HashSet<>();
    /** 0-dimensional constants of the rule by device and float bits (see {@link #constant}). */
    private final Map<Device, Map<Integer, NDArray>> constants = new HashMap<>();
    /** The same for values of the current step (see {@link #stepConstant}). */
    private final Map<Device, Map<Integer, NDArray>> stepConstants = new HashMap<>();
    private long steps;
    private double rate;

    /**
     * @param name the rule's name as in {@code train.optimizer}, written into saved states
     * @param schedule the learning rate of each step
     */
    protected StatefulOptimizer(String name, LearningRateSchedule schedule) {
        super(new IdentityOptions());
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an optimiser needs a name");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("an optimiser needs a learning-rate schedule");
        }
        this.name = name;
        this.schedule = schedule;
    }

    /** How many buffers per parameter the rule keeps (2 for Adam's moments, 1 for momentum). */
    protected abstract int bufferCount();

    /**
     * Applies one update in place. Runs inside an {@link NDScope}: temporaries it creates are closed
     * afterwards, so it can use non-in-place operations freely.
     *
     * @param weight the parameter, updated in place
     * @param grad its gradient (do not modify)
     * @param buffers the rule's {@link #bufferCount()} buffers for this parameter, updated in place
     * @param t this parameter's 1-based update count
     * @param lr the learning rate of this step
     */
    protected abstract void apply(NDArray weight, NDArray grad, NDArray[] buffers, long t, double lr);

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        if (updatedThisStep.contains(parameterId)) {
            updatedThisStep.clear();
        }
        if (updatedThisStep.isEmpty()) {
            rate = schedule.rate(steps);
            steps++;
            closeStepConstants();
        }
        updatedThisStep.add(parameterId);
        ParameterState state = states.get(parameterId);
        if (state == null) {
            state = new ParameterState(0, zerosLike(weight, bufferCount()));
            states.put(parameterId, state);
        } else {
            state.check(parameterId, weight);
        }
        state.t++;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            apply(weight, grad, state.buffers, state.t, rate);
        }
        zeroGradient(weight);
    }

    /**
     * The 0-dimensional float32 tensor holding {@code value} on {@code like}'s device, for a constant
     * of the rule (betas, epsilon, weight decay, momentum) in {@link #apply}: the very tensor DJL's
     * {@code Number} overloads ({@code muli(0.9f)}) create from a Java buffer and close again on every
     * call, made once and kept (on {@code like}'s manager, outside the update's scope), so results
     * are bit for bit the same and an update spends no time allocating constants. For values that
     * change from step to step (bias corrections, scheduled rates) use {@link #stepConstant}.
     */
    protected final NDArray constant(NDArray like, float value) {
        return cached(constants, like, value);
    }

    /**
     * As {@link #constant}, for a value of the current step (a bias correction, the learning rate):
     * shared by the step's updates and closed when the next step begins.
     */
    protected final NDArray stepConstant(NDArray like, float value) {
        return cached(stepConstants, like, value);
    }

    private static NDArray cached(Map<Device, Map<Integer, NDArray>> cache, NDArray like, float value) {
        Map<Integer, NDArray> byValue = cache.computeIfAbsent(like.getDevice(), d -> new HashMap<>());
        int key = Float.floatToRawIntBits(value);
        NDArray c = byValue.get(key);
        if (c == null || c.isReleased()) {
            c = like.getManager().create(value);
            NDScope.unregister(c);
            byValue.put(key, c);
        }
        return c;
    }

    /** At the start of a step, when no update is using them: closes the previous step's constants. */
    private void closeStepConstants() {
        for (Map<Integer, NDArray> byValue : stepConstants.values()) {
            byValue.values().forEach(NDArray::close);
            byValue.clear();
        }
    }

    /**
     * Marks the start of a new step: the next {@link #update} counts as the first of a step even if
     * its parameter has not been updated since. Optional with DJL's {@code Trainer.step()}; calling
     * it twice without updates in between counts one step.
     */
    public final void beginStep() {
        updatedThisStep.clear();
    }

    /** The rule's name ({@code adam}, {@code adamw} or {@code sgd}). */
    public final String name() {
        return name;
    }

    /** The learning-rate schedule. */
    public final LearningRateSchedule schedule() {
        return schedule;
    }

    /** Steps begun so far (calls of {@code Trainer.step()} that updated at least one parameter). */
    public final long stepCount() {
        return steps;
    }

    /** The learning rate of 0-based step {@code step}. */
    public final double learningRate(long step) {
        return schedule.rate(step);
    }

    /** The learning rate the next step will use (for logs). */
    public final double nextLearningRate() {
        return schedule.rate(steps);
    }

    /**
     * Writes the step count and every parameter's update count and buffers, keyed by the
     * parameter's path in {@code block}.
     *
     * @param out where to write
     * @param block the block the trainer trains (the model's block)
     * @throws IllegalArgumentException if the optimiser holds state for parameters outside {@code block}
     */
    public final void saveState(DataOutputStream out, Block block) throws IOException {
        Map<String, String> pathById = pathsById(block);
        List<String> foreign = new ArrayList<>();
        for (String id : states.keySet()) {
            if (!pathById.containsKey(id)) {
                foreign.add(id);
            }
        }
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("the optimiser holds state for " + foreign.size()
                    + " parameter(s) that are not in the given block; save with the block the trainer trains");
        }
        List<Map.Entry<String, String>> saved = new ArrayList<>();
        for (Map.Entry<String, String> e : pathById.entrySet()) {
            if (states.containsKey(e.getKey())) {
                saved.add(e);
            }
        }
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(name);
        out.writeInt(bufferCount());
        out.writeLong(steps);
        out.writeInt(saved.size());
        for (Map.Entry<String, String> e : saved) {
            ParameterState state = states.get(e.getKey());
            out.writeUTF(e.getValue());
            out.writeLong(state.t);
            for (NDArray buffer : state.buffers) {
                byte[] bytes = buffer.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /**
     * Replaces this optimiser's state by what {@link #saveState} wrote, re-keyed onto the parameters
     * of {@code block} (a rebuilt block of the same structure; its parameter ids may differ). Load
     * the weights first or after, but before the next step; buffers are created on {@code manager}
     * and moved to each weight's device. Nothing changes if reading fails.
     *
     * @param manager owner of the restored buffers (the model's manager, so they live as long as the model)
     * @param in what {@link #saveState} wrote
     * @param block the block the trainer trains
     * @throws IOException if the stream is not such a state, was written by another rule, or names a
     *     parameter {@code block} lacks or with another shape
     */
    public final void loadState(NDManager manager, DataInputStream in, Block block) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a mer4j optimiser state (starts with '" + magic + "'); delete the checkpoint to start over");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("optimiser state format " + format + " is not supported (this version reads " + FORMAT
                    + "); delete the checkpoint to start over");
        }
        String savedName = in.readUTF();
        int savedBuffers = in.readInt();
        if (!name.equals(savedName) || savedBuffers != bufferCount()) {
            throw new IOException("the optimiser state was saved by '" + savedName + "' with " + savedBuffers
                    + " buffer(s) per parameter, but train.optimizer is '" + name + "' with " + bufferCount()
                    + "; resume with the same train settings or delete the checkpoint");
        }
        long savedSteps = in.readLong();
        int count = in.readInt();
        if (savedSteps < 0 || count < 0) {
            throw new IOException("corrupt optimiser state (steps " + savedSteps + ", parameters " + count + ")");
        }
        Map<String, Parameter> byPath = parametersByPath(block);
        Map<String, ParameterState> loaded = new HashMap<>();
        try {
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                Parameter parameter = byPath.get(path);
                if (parameter == null) {
                    throw new IOException("the optimiser state names parameter '" + path + "', which this model does not have; "
                            + "the checkpoint belongs to another model structure");
                }
                long t = in.readLong();
                NDArray[] buffers = new NDArray[savedBuffers];
                ParameterState state = new ParameterState(t, buffers);
                loaded.put(parameter.getId(), state);
                for (int k = 0; k < buffers.length; k++) {
                    int length = in.readInt();
                    if (length < 0) {
                        throw new IOException("corrupt optimiser state for parameter '" + path + "'");
                    }
                    byte[] bytes = new byte[length];
                    in.readFully(bytes);
                    buffers[k] = restore(manager, bytes, parameter, path);
                }
            }
        } catch (IOException | RuntimeException e) {
            loaded.values().forEach(ParameterState::close);
            throw e;
        }
        states.values().forEach(ParameterState::close);
        states.clear();
        states.putAll(loaded);
        steps = savedSteps;
        updatedThisStep.clear();
    }

    private static NDArray restore(NDManager manager, byte[] bytes, Parameter parameter, String path) throws IOException {
        NDArray buffer = NDArray.decode(manager, bytes);
        NDScope.unregister(buffer);
        if (!parameter.isInitialized()) {
            return buffer;
        }
        NDArray weight = parameter.getArray();
        if (!weight.getShape().equals(buffer.getShape()) || weight.getDataType() != buffer.getDataType()) {
            String saved = buffer.getShape() + " " + buffer.getDataType();
            buffer.close();
            throw new IOException("the optimiser state of parameter '" + path + "' is " + saved + " but the model's is "
                    + weight.getShape() + " " + weight.getDataType() + "; the checkpoint belongs to another model configuration");
        }
        if (!buffer.getDevice().equals(weight.getDevice())) {
            NDArray moved = buffer.toDevice(weight.getDevice(), false);
            NDScope.unregister(moved);
            buffer.close();
            return moved;
        }
        return buffer;
    }

    /** Parameter id to path, in {@code block.getParameters()} order; a shared parameter keeps its first path. */
    private static Map<String, String> pathsById(Block block) {
        Map<String, String> byId = new LinkedHashMap<>();
        Set<String> paths = new HashSet<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!paths.add(p.getKey())) {
                throw new IllegalArgumentException("the block has two parameters named '" + p.getKey()
                        + "'; give its child blocks distinct names");
            }
            byId.putIfAbsent(p.getValue().getId(), p.getKey());
        }
        return byId;
    }

    private static Map<String, Parameter> parametersByPath(Block block) {
        Map<String, Parameter> byPath = new HashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            byPath.putIfAbsent(p.getKey(), p.getValue());
        }
        return byPath;
    }

    private static NDArray[] zerosLike(NDArray weight, int count) {
        NDArray[] buffers = new NDArray[count];
        for (int i = 0; i < count; i++) {
            buffers[i] = weight.zerosLike();
            NDScope.unregister(buffers[i]);
        }
        return buffers;
    }

    /** Zeroes the weight's accumulated gradient, as DJL's own optimisers do after an update. */
    private static void zeroGradient(NDArray weight) {
        if (!weight.hasGradient()) {
            return;
        }
        if (weight instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            try (NDArray gradient = weight.getGradient()) {
                gradient.muli(0);
            }
        }
    }

    /** One parameter's update count and buffers. */
    private static final class ParameterState {
        private long t;
        private final NDArray[] buffers;

        private ParameterState(long t, NDArray[] buffers) {
            this.t = t;
            this.buffers = buffers;
        }

        private void check(String parameterId, NDArray weight) {
            if (buffers.length == 0) {
                return;
            }
            NDArray first = buffers[0];
            if (!first.getDevice().equals(weight.getDevice())) {
                throw new IllegalStateException("parameter " + parameterId + " is updated on " + weight.getDevice()
                        + " but its optimiser state is on " + first.getDevice()
                        + "; mer4j optimisers train on one device (DefaultTrainingConfig.optDevices)");
            }
            if (!first.getShape().equals(weight.getShape())) {
                throw new IllegalStateException("parameter " + parameterId + " has shape " + weight.getShape()
                        + " but its optimiser state " + first.getShape());
            }
        }

        private void close() {
            for (NDArray buffer : buffers) {
                if (buffer != null) {
                    buffer.close();
                }
            }
        }
    }

    /** DJL's builder at its identity defaults (rescale 1, no element clipping, no decay); see the class comment. */
    private static final class IdentityOptions extends OptimizerBuilder<IdentityOptions> {
        @Override
        protected IdentityOptions self() {
            return this;
        }
    }
}
