package org.mer4j.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.TaskModel;
import org.mer4j.train.tasks.TaskSet;

/**
 * A fusion model with its task heads and trained parameters that predicts clips. Owns a DJL
 * {@link Model} (native memory): close it.
 */
public final class TrainedModel implements AutoCloseable {
    private static final int PREDICT_BATCH = 16;

    private final Model model;
    private final ModelSpec spec;
    private final TaskSet tasks;
    private final ClipBatcher batcher;
    private final int bestEpoch;
    private final Map<String, Double> bestValidation;
    private final List<String> log;
    private final List<EpochRecord> history;
    private final int resumedAfterEpoch;

    TrainedModel(Model model, ModelSpec spec, TaskSet tasks, int bestEpoch, Map<String, Double> bestValidation, List<String> log,
                 List<EpochRecord> history, int resumedAfterEpoch) {
        this.model = model;
        this.spec = spec;
        this.tasks = tasks;
        this.batcher = new ClipBatcher(spec, tasks);
        this.bestEpoch = bestEpoch;
        this.bestValidation = Map.copyOf(bestValidation);
        this.log = List.copyOf(log);
        this.history = List.copyOf(history);
        this.resumedAfterEpoch = resumedAfterEpoch;
    }

    /**
     * Loads parameters saved by {@link FusionTrainer} ({@code best.params}) into {@code fusion} with the
     * heads of {@code tasks}; the block must be built by the same provider, config and spec.
     */
    public static TrainedModel load(ModelSpec spec, FusionBlock fusion, TaskSet tasks, Path parameters) throws IOException {
        Model model = Model.newInstance("mer4j-fusion");
        try {
            Block block = new TaskModel(spec, fusion);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, FusionInputs.initShapes(spec, 1, 1));
            try (InputStream in = new BufferedInputStream(Files.newInputStream(parameters));
                 DataInputStream data = new DataInputStream(in)) {
                block.loadParameters(model.getNDManager(), data);
            }
            return new TrainedModel(model, spec, tasks, -1, Map.of(), List.of(), List.of(), 0);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("cannot load fusion parameters from " + parameters + ": " + e.getMessage()
                    + "; the file must come from a model built with the same fusion type, config, tasks and model spec", e);
        }
    }

    /** Predictions for {@code clips}, in the same order. */
    public List<ClipPrediction> predict(List<AlignedClip> clips) {
        List<ClipPrediction> out = new ArrayList<>(clips.size());
        for (List<AlignedClip> group : ClipBatcher.inOrderBatches(clips, PREDICT_BATCH)) {
            try (NDManager manager = model.getNDManager().newSubManager()) {
                FusionBatch batch = batcher.batch(manager, group);
                NDList outputs = model.getBlock().forward(new ParameterStore(manager, false), batch.inputs(), false);
                out.addAll(tasks.decode(outputs, group, batch.steps()));
            }
        }
        return out;
    }

    /** Every task's metrics on {@code clips}. */
    public Map<String, Double> evaluate(List<AlignedClip> clips) {
        return tasks.evaluate(clips, predict(clips));
    }

    /** The model spec the block was built for. */
    public ModelSpec spec() {
        return spec;
    }

    /** The tasks the heads serve. */
    public TaskSet tasks() {
        return tasks;
    }

    /** The fusion block with its heads and trained parameters. */
    public Block block() {
        return model.getBlock();
    }

    /** 1-based epoch whose parameters were kept, or -1 for a loaded model. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Validation measures at {@link #bestEpoch()} (empty without validation clips or for a loaded model). */
    public Map<String, Double> bestValidation() {
        return bestValidation;
    }

    /** One line per epoch (and a line where the run resumed), including epochs before a resume. */
    public List<String> log() {
        return log;
    }

    /**
     * The measurements of every epoch, as in {@link #log()} but as numbers, including epochs before a
     * resume (empty for a loaded model; a resume from a checkpoint written before epoch records existed
     * has only the epochs after it).
     */
    public List<EpochRecord> history() {
        return history;
    }

    /** The epoch after which this training resumed from a checkpoint, 0 when it started fresh. */
    public int resumedAfterEpoch() {
        return resumedAfterEpoch;
    }

    @Override
    public void close() {
        model.close();
    }
}
