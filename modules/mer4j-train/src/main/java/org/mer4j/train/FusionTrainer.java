package org.mer4j.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.AtomicFiles;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop of every fusion model: DJL {@link Trainer} with Adam at a fixed learning rate,
 * the {@link FusionLoss} (masked, class-weighted frame BCE + weighted emotion CE), a child
 * NDManager per batch, model selection on the validation frame-level A/H macro F1 (ties broken by
 * the lower validation loss), best parameters checkpointed atomically to
 * {@code checkpointDir/best.params} and restored at the end, early stopping after
 * {@link TrainConfig#patience()} epochs without improvement.
 *
 * <p>Without validation clips the epoch with the lowest training loss is kept.
 */
public final class FusionTrainer {
    /** Key of the validation loss in the metrics given to {@link TrainingListener}. */
    public static final String VAL_LOSS = "loss";
    /** File name of the best parameters inside the checkpoint folder. */
    public static final String BEST_PARAMS = "best.params";

    private static final Logger LOG = LoggerFactory.getLogger(FusionTrainer.class);

    /**
     * Trains {@code block} (built for {@code spec}, not yet initialised or initialised) and returns it
     * with the parameters of its best epoch.
     *
     * @param seed seeds the engine (parameter init, dropout) and the batch order
     * @param checkpointDir folder for {@value #BEST_PARAMS} (created when missing)
     * @param listener told after each epoch; may be {@link TrainingListener#NONE}
     * @throws IOException when the checkpoint cannot be written or read back
     */
    public TrainedModel train(ModelSpec spec, Block block, List<AlignedClip> train, List<AlignedClip> val, TrainConfig cfg,
                              long seed, Path checkpointDir, TrainingListener listener) throws IOException {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training clips; check the split and that feature extraction produced clips");
        }
        ClipBatcher batcher = new ClipBatcher(spec);
        for (List<AlignedClip> clips : List.of(train, val)) {
            for (AlignedClip clip : clips) {
                batcher.check(clip);
                batcher.checkFinite(clip);
            }
        }
        TrainingListener report = listener == null ? TrainingListener.NONE : listener;
        Files.createDirectories(checkpointDir);
        Path best = checkpointDir.resolve(BEST_PARAMS);

        SplittableRandom seeds = new SplittableRandom(seed);
        Engine.getInstance().setRandomSeed(seeds.split().nextInt());
        Random order = new Random(seeds.split().nextLong());
        double positiveWeight = positiveWeight(train);
        Loss loss = new FusionLoss(positiveWeight, cfg.ahLossWeight(), cfg.emotionLossWeight());
        Optimizer adam = Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed((float) cfg.learningRate()))
                .optWeightDecays((float) cfg.weightDecay())
                .build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(adam);

        Model model = Model.newInstance("mer4j-fusion");
        boolean handedOver = false;
        try {
            model.setBlock(block);
            BestEpochSelector selection = new BestEpochSelector(cfg.selectBy());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(FusionInputs.initShapes(spec, 1, 1));
                int sinceBest = 0;
                for (int epoch = 1; epoch <= cfg.epochs() && sinceBest < cfg.patience(); epoch++) {
                    long start = System.nanoTime();
                    double trainLoss = trainEpoch(trainer, batcher, ClipBatcher.shuffledBatches(train, cfg.batchSize(), order));
                    if (!Double.isFinite(trainLoss)) {
                        throw new TrainingDivergedException("training loss became " + trainLoss + " in epoch " + epoch
                                + "; lower train.learningRate (now " + cfg.learningRate() + ") or check the features for NaN/inf values");
                    }
                    Map<String, Double> valMetrics = val.isEmpty() ? Map.of() : validate(model, loss, batcher, spec, val, cfg.batchSize());
                    if (selection.offer(epoch, trainLoss, valMetrics)) {
                        saveParameters(block, best);
                        sinceBest = 0;
                    } else {
                        sinceBest++;
                    }
                    report.onEpoch(epoch, trainLoss, valMetrics, (System.nanoTime() - start) / 1e9);
                }
            }
            loadParameters(model, best);
            LOG.debug("kept epoch {} (pos_weight {})", selection.bestEpoch(), positiveWeight);
            TrainedModel trained = new TrainedModel(model, spec, selection.bestEpoch(), selection.bestMetrics());
            handedOver = true;
            return trained;
        } finally {
            if (!handedOver) {
                model.close();
            }
        }
    }

    /** {@code negatives / positives} over the labelled frames of {@code clips}. */
    static double positiveWeight(List<AlignedClip> clips) {
        long positives = 0;
        long negatives = 0;
        for (AlignedClip clip : clips) {
            for (int label : clip.ahFrames()) {
                if (label != 0) {
                    positives++;
                } else {
                    negatives++;
                }
            }
        }
        return FusionLoss.positiveWeight(positives, negatives);
    }

    private static double trainEpoch(Trainer trainer, ClipBatcher batcher, List<List<AlignedClip>> batches) {
        double total = 0;
        int clips = 0;
        for (List<AlignedClip> group : batches) {
            try (NDManager manager = trainer.getManager().newSubManager()) {
                FusionBatch batch = batcher.batch(manager, group);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList outputs = trainer.forward(batch.inputs());
                    NDArray value = trainer.getLoss().evaluate(batch.labels(), outputs);
                    collector.backward(value);
                    total += value.getFloat() * group.size();
                    clips += group.size();
                }
                trainer.step();
            }
        }
        return total / clips;
    }

    private static Map<String, Double> validate(Model model, Loss loss, ClipBatcher batcher, ModelSpec spec,
                                                List<AlignedClip> val, int batchSize) {
        List<ClipPrediction> predictions = new ArrayList<>();
        double total = 0;
        for (List<AlignedClip> group : ClipBatcher.inOrderBatches(val, batchSize)) {
            try (NDManager manager = model.getNDManager().newSubManager()) {
                FusionBatch batch = batcher.batch(manager, group);
                NDList outputs = model.getBlock().forward(new ParameterStore(manager, false), batch.inputs(), false);
                total += loss.evaluate(batch.labels(), outputs).getFloat() * group.size();
                predictions.addAll(TrainedModel.toPredictions(batch, outputs));
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>(Metrics.evaluate(val, predictions, spec.emotions()));
        metrics.put(VAL_LOSS, total / val.size());
        return metrics;
    }

    private static void saveParameters(Block block, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp));
                 DataOutputStream data = new DataOutputStream(out)) {
                block.saveParameters(data);
            }
            AtomicFiles.moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void loadParameters(Model model, Path source) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(source));
             DataInputStream data = new DataInputStream(in)) {
            model.getBlock().loadParameters(model.getNDManager(), data);
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint " + source + " does not match the model: " + e.getMessage(), e);
        }
    }
}
