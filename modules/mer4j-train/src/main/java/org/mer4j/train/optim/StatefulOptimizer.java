package org.mer4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimiser whose whole state (per-parameter update counts and moment buffers) can be saved and
 * restored bit for bit, so a checkpointed run resumes exactly ({@link #saveState}, {@link #loadState}).
 * Driven by DJL's {@code Trainer.step()}, which calls {@link #update} once per parameter per step; the
 * rate of a parameter's {@code t}-th update comes from the {@link LearningRateSchedule}. Subclasses
 * implement the update rule on in-place NDArray operations; temporaries live in an {@link NDScope}.
 * After the update the gradient is zeroed, as DJL's built-in optimisers do (PyTorch accumulates).
 *
 * <p>State is keyed by the parameter's path in the block ({@code Block#getParameters()} names), which is
 * the same for a rebuilt block of the same structure, unlike DJL's random parameter ids.
 */
public abstract class StatefulOptimizer extends Optimizer {
    private static final int FORMAT = 1;

    protected final OptimizerSettings settings;
    private final LearningRateSchedule schedule;
    private final Map<String, Long> updates = new HashMap<>();
    private final Map<String, NDArray[]> buffers = new HashMap<>();

    protected StatefulOptimizer(OptimizerSettings settings, LearningRateSchedule schedule) {
        super(new NoOptions());
        this.settings = settings;
        this.schedule = schedule;
    }

    /** How many buffers per parameter the rule keeps (e.g. 2 for Adam's moments). */
    protected abstract int bufferCount();

    /**
     * Applies one update in place.
     *
     * @param weight the parameter
     * @param grad its gradient
     * @param state the rule's buffers (zeros at the first update), updated in place
     * @param t 1-based update number of this parameter
     * @param lr the learning rate of this update
     */
    protected abstract void apply(NDArray weight, NDArray grad, NDArray[] state, long t, float lr);

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        long t = updates.merge(parameterId, 1L, Long::sum);
        NDArray[] state = buffers.computeIfAbsent(parameterId, k -> zeros(weight));
        float lr = (float) schedule.rate(t - 1);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            apply(weight, grad, state, t, lr);
        }
        // PyTorch accumulates gradients across backward passes; like DJL's own optimisers, start the next step from zero
        try (NDArray own = weight.getGradient()) {
            own.subi(own);
        }
    }

    private NDArray[] zeros(NDArray weight) {
        NDArray[] state = new NDArray[bufferCount()];
        for (int i = 0; i < state.length; i++) {
            state[i] = weight.zerosLike();
            NDScope.unregister(state[i]);
        }
        return state;
    }

    /** The learning rate of 0-based update {@code update} (for logs and tests). */
    public double learningRate(long update) {
        return schedule.rate(update);
    }

    /** Writes every parameter's update count and buffers, by parameter path in {@code block}. */
    public void saveState(DataOutputStream out, Block block) throws IOException {
        Map<String, String> paths = paths(block);
        out.writeInt(FORMAT);
        out.writeInt(bufferCount());
        out.writeInt(updates.size());
        for (Map.Entry<String, String> e : paths.entrySet()) {
            Long t = updates.get(e.getKey());
            if (t == null) {
                continue;
            }
            out.writeUTF(e.getValue());
            out.writeLong(t);
            for (NDArray b : buffers.get(e.getKey())) {
                byte[] bytes = b.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /** Restores what {@link #saveState} wrote, for a block of the same structure. */
    public void loadState(NDManager manager, DataInputStream in, Block block) throws IOException {
        Map<String, String> ids = new HashMap<>();
        paths(block).forEach((id, path) -> ids.put(path, id));
        if (in.readInt() != FORMAT || in.readInt() != bufferCount()) {
            throw new IOException("optimiser state was written by another optimiser or format; delete the checkpoint to start over");
        }
        int n = in.readInt();
        updates.clear();
        buffers.clear();
        for (int i = 0; i < n; i++) {
            String path = in.readUTF();
            String id = ids.get(path);
            if (id == null) {
                throw new IOException("optimiser state names parameter '" + path + "', which the model does not have");
            }
            updates.put(id, in.readLong());
            NDArray[] state = new NDArray[bufferCount()];
            for (int k = 0; k < state.length; k++) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                state[k] = NDArray.decode(manager, bytes);
            }
            buffers.put(id, state);
        }
    }

    private static Map<String, String> paths(Block block) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            byId.put(p.getValue().getId(), p.getKey());
        }
        return byId;
    }

    /** DJL's builder, unused: every option lives in {@link OptimizerSettings}. */
    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}
