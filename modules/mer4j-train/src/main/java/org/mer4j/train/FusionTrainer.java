package org.mer4j.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.mer4j.api.AlignedClip;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.TaskModel;
import org.mer4j.train.optim.GradientClipping;
import org.mer4j.train.optim.Optimizers;
import org.mer4j.train.optim.StatefulOptimizer;
import org.mer4j.train.tasks.TaskSet;

/**
 * The training loop of every fusion model, owned by the framework: the fusion block wrapped with the
 * heads of the configured tasks ({@link TaskModel}), the weighted sum of the task losses
 * ({@link TaskSet#loss}), the configured optimiser and learning-rate schedule, optional global
 * gradient-norm clipping, a child NDManager per batch, model selection on a validation metric
 * ({@code train.selectBy}; ties go to the lower validation loss), early stopping after
 * {@link TrainConfig#patience()} epochs without improvement, and a checkpoint after every epoch
 * ({@link TrainingCheckpoint}): rerun with the same checkpoint folder, a killed run resumes after
 * its last complete epoch and ends with the same metrics as an uninterrupted run.
 *
 * <p>Seeds: the run seed is split into the parameter-initialisation seed and per-epoch seeds for
 * the batch order and the engine's generator (dropout), which are re-seeded at the start of every
 * epoch; nothing random carries over between epochs except through the checkpointed state.
 * Without validation clips the epoch with the lowest training loss is kept.
 */
public final class FusionTrainer {
    /** Key of the validation loss in the validation metrics. */
    public static final String VAL_LOSS = "loss";
    /** File name of the best parameters inside the checkpoint folder. */
    public static final String BEST_PARAMS = "best.params";

    /**
     * Trains {@code fusion} with the heads of {@code tasks} and returns the model with the parameters
     * of its best epoch.
     *
     * @param seed the run seed (see the class documentation)
     * @param checkpointDir checkpoint folder (created when missing; resumed from when it holds this run's checkpoint)
     * @param listener told after each epoch; may be {@link TrainingListener#NONE}
     * @throws IOException when the checkpoint cannot be written or read back
     * @throws TrainingDivergedException when the training loss becomes non-finite
     */
    public TrainedModel train(ModelSpec spec, FusionBlock fusion, TaskSet tasks, List<AlignedClip> train, List<AlignedClip> val,
                              TrainConfig cfg, long seed, Path checkpointDir, TrainingListener listener) throws IOException {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training clips; check the split and that feature extraction produced clips");
        }
        ClipBatcher batcher = new ClipBatcher(spec, tasks);
        for (List<AlignedClip> clips : List.of(train, val)) {
            for (AlignedClip clip : clips) {
                batcher.check(clip);
                batcher.checkFinite(clip);
            }
            tasks.encodeAll(clips);
        }
        String selectBy = cfg.selectBy() == null ? tasks.primaryMetric() : cfg.selectBy();
        if (!tasks.metricKeys().contains(selectBy)) {
            throw new IllegalArgumentException("train.selectBy: '" + selectBy + "' is not a metric of the configured tasks; choose one of "
                    + tasks.metricKeys());
        }
        TrainingListener report = listener == null ? TrainingListener.NONE : listener;
        TrainingCheckpoint checkpoint = new TrainingCheckpoint(checkpointDir);
        Files.createDirectories(checkpointDir);
        Path best = checkpointDir.resolve(BEST_PARAMS);
        String runKey = runKey(spec, tasks, train, val, cfg, seed);

        SplittableRandom seeds = new SplittableRandom(seed);
        int initSeed = seeds.split().nextInt();
        long orderSeed = seeds.split().nextLong();
        long engineSeed = seeds.split().nextLong();
        long dropoutSeed = seeds.split().nextLong();
        int stepsPerEpoch = (train.size() + cfg.batchSize() - 1) / cfg.batchSize();
        StatefulOptimizer optimizer = Optimizers.create(cfg.optimizerSettings(), stepsPerEpoch, cfg.epochs());
        // the trainer gives forward passes and gradient collection; the updates are step() below, not Trainer.step()
        DefaultTrainingConfig config = new DefaultTrainingConfig(new TaskLoss(tasks)).optOptimizer(optimizer);

        TaskModel block = new TaskModel(spec, fusion);
        Model model = Model.newInstance("mer4j-fusion");
        boolean handedOver = false;
        try {
            model.setBlock(block);
            Engine.getInstance().setRandomSeed(initSeed);
            TrainingCheckpoint.State saved = checkpoint.read(runKey);
            BestEpochSelector selection = new BestEpochSelector(selectBy, tasks.higherIsBetter(selectBy),
                    saved == null ? null : saved.selection());
            List<String> log = new ArrayList<>(saved == null ? List.of() : saved.log());
            List<EpochRecord> history = new ArrayList<>(saved == null ? List.of() : saved.history());
            int firstEpoch = saved == null ? 1 : saved.epoch() + 1;
            // initialise (and, resuming, load) before the trainer exists: its parameter store keeps the arrays it first sees
            block.initialize(model.getNDManager(), DataType.FLOAT32, FusionInputs.initShapes(spec, 1, 1));
            if (saved != null) {
                load(model, checkpoint.params(saved.epoch()));
                try (InputStream in = new BufferedInputStream(Files.newInputStream(checkpoint.optimizer(saved.epoch())));
                     DataInputStream data = new DataInputStream(in)) {
                    optimizer.loadState(model.getNDManager(), data, block);
                }
                log.add("resumed after epoch " + saved.epoch() + " from " + checkpointDir);
            }
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(FusionInputs.initShapes(spec, 1, 1));
                boolean stopped = saved != null && selection.state().sinceBest() >= cfg.patience();
                for (int epoch = firstEpoch; epoch <= cfg.epochs() && !stopped; epoch++) {
                    long start = System.nanoTime();
                    Engine.getInstance().setRandomSeed(epochSeed(engineSeed, epoch));
                    Random order = new Random(epochSeed(orderSeed, epoch));
                    List<AlignedClip> epochClips = ModalityDropout.apply(train, cfg.modalityDropout(), new Random(epochSeed(dropoutSeed, epoch)));
                    List<List<AlignedClip>> batches = cfg.bucketByLength()
                            ? ClipBatcher.bucketedBatches(epochClips, cfg.batchSize(), order, fusion::paddedLength)
                            : ClipBatcher.shuffledBatches(epochClips, cfg.batchSize(), order);
                    double trainLoss = trainEpoch(trainer, block, optimizer, batcher, batches, cfg.clipGradNorm());
                    if (!Double.isFinite(trainLoss)) {
                        throw new TrainingDivergedException("training loss became " + trainLoss + " in epoch " + epoch
                                + "; lower train.learningRate (now " + cfg.learningRate()
                                + "), set train.clipGradNorm, or check the features for NaN/inf values");
                    }
                    Map<String, Double> valMetrics = val.isEmpty() ? Map.of() : validate(model, tasks, batcher, val, cfg.batchSize());
                    if (selection.offer(epoch, trainLoss, valMetrics)) {
                        TrainingCheckpoint.writeAtomically(best, block::saveParameters);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    log.add(String.format(Locale.ROOT, "epoch %d loss %.6f val %s %.2fs", epoch, trainLoss, valMetrics, seconds));
                    history.add(new EpochRecord(epoch, trainLoss, valMetrics, seconds));
                    checkpoint.write(new TrainingCheckpoint.State(1, runKey, epoch, selection.state(), log, history), block::saveParameters,
                            out -> optimizer.saveState(out, block));
                    report.onEpoch(epoch, trainLoss, valMetrics, seconds);
                    stopped = selection.state().sinceBest() >= cfg.patience();
                }
            }
            load(model, best);
            TrainedModel trained = new TrainedModel(model, spec, tasks, selection.bestEpoch(), selection.bestMetrics(), log,
                    history, firstEpoch - 1);
            handedOver = true;
            return trained;
        } finally {
            if (!handedOver) {
                model.close();
            }
        }
    }

    /** A per-epoch seed drawn from {@code base}: the same for the same epoch, whether or not the run was resumed. */
    static int epochSeed(long base, int epoch) {
        return new SplittableRandom(base + 0x9E3779B97F4A7C15L * epoch).nextInt();
    }

    private static double trainEpoch(Trainer trainer, TaskModel block, StatefulOptimizer optimizer, ClipBatcher batcher,
                                     List<List<AlignedClip>> batches, double clipGradNorm) {
        double total = 0;
        int clips = 0;
        for (List<AlignedClip> group : batches) {
            // float * int, then added to the double total, as before the step was factored out
            total += trainStep(trainer, block, optimizer, batcher, group, clipGradNorm).loss() * group.size();
            clips += group.size();
        }
        return total / clips;
    }

    /**
     * What one training step took: its loss and the wall-clock time of its phases.
     *
     * @param loss the batch loss
     * @param batchNanos building the batch tensors in the step's child manager
     * @param forwardNanos forward pass and loss (inside the gradient collector)
     * @param backwardNanos backward pass (and closing the collector)
     * @param updateNanos gradient clipping (when on) and the optimiser update of every parameter
     * @param closeNanos closing the step's child manager (freeing its arrays)
     */
    public record Step(float loss, long batchNanos, long forwardNanos, long backwardNanos, long updateNanos, long closeNanos) {
        /** The whole step. */
        public long totalNanos() {
            return batchNanos + forwardNanos + backwardNanos + updateNanos + closeNanos;
        }
    }

    /**
     * One training step exactly as the loop runs it: the batch of {@code group} in a child manager of the
     * trainer's, forward and loss in a gradient collector, backward, optional global-norm clipping,
     * then the optimiser update of every parameter. Public for the training-speed
     * benchmark ({@code org.mer4j.train.bench.TrainStepBench}), which times the loop's own code.
     */
    public static Step trainStep(Trainer trainer, TaskModel block, StatefulOptimizer optimizer, ClipBatcher batcher,
                                 List<AlignedClip> group, double clipGradNorm) {
        long t0 = System.nanoTime();
        long t1;
        long t2;
        long t3;
        long t4;
        float loss;
        try (NDManager manager = trainer.getManager().newSubManager()) {
            FusionBatch batch = batcher.batch(manager, group);
            t1 = System.nanoTime();
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList outputs = trainer.forward(batch.inputs());
                NDArray value = trainer.getLoss().evaluate(batch.labels(), outputs);
                t2 = System.nanoTime();
                collector.backward(value);
                loss = value.getFloat();
            }
            t3 = System.nanoTime();
            if (clipGradNorm > 0) {
                GradientClipping.clipGlobalNorm(block, clipGradNorm);
            }
            step(block, optimizer);
            t4 = System.nanoTime();
        }
        long t5 = System.nanoTime();
        return new Step(loss, t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4);
    }

    /**
     * One optimiser update of every trainable parameter, in the block's parameter order. Not
     * {@code Trainer.step()}: its first-step check rejects gradients that sum to exactly zero, which
     * a softmax head's gradients do by construction (sum over classes of p - q = 0) and which float
     * rounding then sometimes reaches.
     */
    private static void step(TaskModel block, StatefulOptimizer optimizer) {
        optimizer.beginStep();
        for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
            ai.djl.nn.Parameter parameter = p.getValue();
            if (!parameter.requiresGradient() || parameter.getArray() == null || !parameter.getArray().hasGradient()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            try (NDArray grad = weight.getGradient()) {
                optimizer.update(parameter.getId(), weight, grad);
            }
        }
    }

    private static Map<String, Double> validate(Model model, TaskSet tasks, ClipBatcher batcher, List<AlignedClip> val, int batchSize) {
        List<ClipPrediction> predictions = new ArrayList<>();
        double total = 0;
        for (List<AlignedClip> group : ClipBatcher.inOrderBatches(val, batchSize)) {
            try (NDManager manager = model.getNDManager().newSubManager()) {
                FusionBatch batch = batcher.batch(manager, group);
                NDList outputs = model.getBlock().forward(new ParameterStore(manager, false), batch.inputs(), false);
                total += tasks.loss(outputs, batch.labels()).getFloat() * group.size();
                predictions.addAll(tasks.decode(outputs, group, batch.steps()));
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>(tasks.evaluate(val, predictions));
        metrics.put(VAL_LOSS, total / val.size());
        return metrics;
    }

    private static void load(Model model, Path source) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(source));
             DataInputStream data = new DataInputStream(in)) {
            model.getBlock().loadParameters(model.getNDManager(), data);
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint " + source + " does not match the model: " + e.getMessage()
                    + "; delete the run's checkpoint folder to start over", e);
        }
    }

    /** What makes a checkpoint this run's: spec, tasks, clips, settings and seed. */
    private static String runKey(ModelSpec spec, TaskSet tasks, List<AlignedClip> train, List<AlignedClip> val, TrainConfig cfg, long seed) {
        StringBuilder sb = new StringBuilder().append(spec).append('\n').append(tasks.heads()).append('\n').append(cfg).append('\n').append(seed);
        train.forEach(c -> sb.append("\nT ").append(c.clipId()).append(' ').append(c.steps()));
        val.forEach(c -> sb.append("\nV ").append(c.clipId()).append(' ').append(c.steps()));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
