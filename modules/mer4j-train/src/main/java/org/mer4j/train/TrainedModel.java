package org.mer4j.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.ndarray.types.DataType;
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
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;

/**
 * A fusion block with trained parameters that predicts clips. Owns a DJL {@link Model} (native
 * memory): close it.
 */
public final class TrainedModel implements AutoCloseable {
    private static final int PREDICT_BATCH = 16;

    private final Model model;
    private final ModelSpec spec;
    private final ClipBatcher batcher;
    private final int bestEpoch;
    private final Map<String, Double> bestValidation;

    TrainedModel(Model model, ModelSpec spec, int bestEpoch, Map<String, Double> bestValidation) {
        this.model = model;
        this.spec = spec;
        this.batcher = new ClipBatcher(spec);
        this.bestEpoch = bestEpoch;
        this.bestValidation = Map.copyOf(bestValidation);
    }

    /**
     * Loads parameters saved by {@link FusionTrainer} ({@code best.params}) into {@code block}, which
     * must be built by the same provider, config and spec.
     */
    public static TrainedModel load(ModelSpec spec, Block block, Path parameters) throws IOException {
        Model model = Model.newInstance("mer4j-fusion");
        try {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, FusionInputs.initShapes(spec, 1, 1));
            try (InputStream in = new BufferedInputStream(Files.newInputStream(parameters));
                 DataInputStream data = new DataInputStream(in)) {
                block.loadParameters(model.getNDManager(), data);
            }
            return new TrainedModel(model, spec, -1, Map.of());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("cannot load fusion parameters from " + parameters + ": " + e.getMessage()
                    + "; the file must come from a model built with the same fusion type, config and model spec", e);
        }
    }

    /** Predictions for {@code clips}, in the same order. */
    public List<ClipPrediction> predict(List<AlignedClip> clips) {
        List<ClipPrediction> out = new ArrayList<>(clips.size());
        for (List<AlignedClip> group : ClipBatcher.inOrderBatches(clips, PREDICT_BATCH)) {
            try (NDManager manager = model.getNDManager().newSubManager()) {
                FusionBatch batch = batcher.batch(manager, group);
                out.addAll(predictBatch(model.getBlock(), manager, batch));
            }
        }
        return out;
    }

    /** Runs {@code block} in inference mode on {@code batch} and converts the outputs to probabilities per clip. */
    static List<ClipPrediction> predictBatch(Block block, NDManager manager, FusionBatch batch) {
        NDList outputs = block.forward(new ParameterStore(manager, false), batch.inputs(), false);
        return toPredictions(batch, outputs);
    }

    static List<ClipPrediction> toPredictions(FusionBatch batch, NDList outputs) {
        float[] ah = Activation.sigmoid(outputs.get(0)).toFloatArray();
        float[] emotion = outputs.get(1).softmax(1).toFloatArray();
        int e = (int) outputs.get(1).getShape().get(1);
        List<ClipPrediction> out = new ArrayList<>();
        for (int i = 0; i < batch.clips().size(); i++) {
            AlignedClip clip = batch.clips().get(i);
            float[] clipAh = new float[clip.steps()];
            System.arraycopy(ah, i * batch.steps(), clipAh, 0, clip.steps());
            float[] clipEmotion = new float[e];
            System.arraycopy(emotion, i * e, clipEmotion, 0, e);
            out.add(new ClipPrediction(clip.clipId(), clipAh, clipEmotion));
        }
        return out;
    }

    /** The model spec the block was built for. */
    public ModelSpec spec() {
        return spec;
    }

    /** The block with the trained parameters. */
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

    @Override
    public void close() {
        model.close();
    }
}
