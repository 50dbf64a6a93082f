package org.mer4j.train.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.FusionRegistry;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.TaskModel;
import org.mer4j.models.fusion.CrossAttentionConfig;
import org.mer4j.models.fusion.MultConfig;
import org.mer4j.train.ClipBatcher;
import org.mer4j.train.FusionTrainer;
import org.mer4j.train.SyntheticAlignedClips;
import org.mer4j.train.SyntheticClipsConfig;
import org.mer4j.train.TaskLoss;
import org.mer4j.train.optim.OptimizerSettings;
import org.mer4j.train.optim.Optimizers;
import org.mer4j.train.optim.ScheduleConfig;
import org.mer4j.train.optim.StatefulOptimizer;
import org.mer4j.train.tasks.TaskContext;
import org.mer4j.train.tasks.TaskProvider;
import org.mer4j.train.tasks.TaskRegistry;
import org.mer4j.train.tasks.TaskSet;

/**
 * Times full training steps of fusion models as {@link FusionTrainer} runs them
 * ({@link FusionTrainer#trainStep}: batch tensors in a child manager, forward, loss, backward, Adam
 * update of every parameter), for {@code tools/bench/train-step.sh}, which runs the same
 * architectures in PyTorch ({@code tools/bench/train_step_torch.py}) and compares.
 *
 * <p>The models: the real {@link TaskModel} (fusion block + the framework's heads) with the one
 * step-level binary head of the {@code ah} task (default config: masked BCE with the automatic
 * positive weight), on one fixed batch of {@code B} synthetic clips of exactly {@code T} steps
 * ({@link SyntheticAlignedClips}, 10% missing steps per modality, seed 1) with the quickstart's
 * feature widths (video 40 = face-hog at cellSize 32, audio 16 = prosody 3 + mfcc 13, text 38 =
 * word-tokens 32 + 6 flags). {@code cross-attention} as in the quickstart row
 * ({@code dModel 64, heads 4, 1 layer, 1 cross layer, dropout 0.3, ffMultiplier 4, gelu, window 1});
 * {@code mult} with the same width and dropout and its defaults otherwise (kernel 1, one crossmodal
 * and one self-attention layer, no window). Adam: learning rate 1e-3, weight decay 1e-4 (L2), as the
 * quickstart; no clipping.
 *
 * <p>Protocol (so that a driver can interleave it with another process): after building the models
 * and {@code --warmup} steps of each, prints one line {@code @@ready {json}} (parameter counts,
 * versions, threads); then reads commands from stdin, one per line: {@code run MODEL N} runs N steps
 * and prints {@code @@run {json}} with the optimiser steps so far, a SHA-256 of the parameters (equal
 * digests after equal step counts mean bit-identical training, e.g. before and after a change of
 * mer4j's code) and the per-step milliseconds (wall-clock total and per phase, and
 * the CPU time of the calling thread, which runs every PyTorch operation at one thread and which
 * other processes on the machine inflate less than the wall-clock time);
 * {@code profile MODEL N FILE} does the same under libtorch's profiler and writes its Chrome trace
 * (every operation of the steps) to FILE; {@code quit} ends. Without stdin commands
 * ({@code --steps N}) it runs N steps of each model and prints their {@code @@run} lines.
 *
 * <p>Usage: {@code TrainStepBench [--models cross-attention,mult] [--batch 8] [--steps-per-clip 20]
 * [--dmodel 64] [--warmup 50] [--steps N]}.
 */
public final class TrainStepBench {
    /** The models, by fusion name. */
    private final Map<String, Bench> benches = new LinkedHashMap<>();

    private TrainStepBench() {
    }

    /** One model with its trainer, optimiser and fixed batch. */
    private record Bench(String name, Model model, TaskModel block, Trainer trainer, StatefulOptimizer optimizer, ClipBatcher batcher,
                         List<AlignedClip> clips, long parameters, int parameterArrays) {
        FusionTrainer.Step step() {
            return FusionTrainer.trainStep(trainer, block, optimizer, batcher, clips, 0);
        }

        /** SHA-256 of every parameter's bytes in parameter order: equal digests after equal step counts = bit-identical training. */
        String digest() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Pair<String, Parameter> p : block.getParameters()) {
                    sha.update(p.getValue().getArray().toByteArray());
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void close() {
            trainer.close();
            model.close();
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> models = List.of("cross-attention", "mult");
        int batch = 8;
        int steps = 20;
        int dModel = 64;
        int warmup = 50;
        int fixedSteps = -1;
        for (int i = 0; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--models" -> models = List.of(v.split(","));
                case "--batch" -> batch = Integer.parseInt(v);
                case "--steps-per-clip" -> steps = Integer.parseInt(v);
                case "--dmodel" -> dModel = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--steps" -> fixedSteps = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --models, --batch, --steps-per-clip, --dmodel, --warmup, --steps");
            }
        }
        TrainStepBench bench = new TrainStepBench();
        try {
            for (String name : models) {
                bench.benches.put(name, build(name, batch, steps, dModel));
            }
            for (Bench b : bench.benches.values()) {
                for (int i = 0; i < warmup; i++) {
                    b.step();
                }
            }
            System.out.println("@@ready " + bench.readyJson(batch, steps, dModel, warmup));
            System.out.flush();
            if (fixedSteps > 0) {
                for (String name : models) {
                    System.out.println("@@run " + bench.run(name, fixedSteps));
                }
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cmd = line.trim().split("\\s+");
                if (cmd[0].equals("quit")) {
                    break;
                } else if (cmd[0].equals("run") && cmd.length == 3) {
                    System.out.println("@@run " + bench.run(cmd[1], Integer.parseInt(cmd[2])));
                } else if (cmd[0].equals("profile") && cmd.length == 4) {
                    System.out.println("@@run " + bench.profile(cmd[1], Integer.parseInt(cmd[2]), cmd[3]));
                } else {
                    System.out.println("@@error {\"message\": \"unknown command '" + line.replace("\"", "'") + "'; use 'run MODEL N', 'profile MODEL N FILE' or 'quit'\"}");
                }
                System.out.flush();
            }
        } finally {
            bench.benches.values().forEach(Bench::close);
        }
    }

    /** The widths of the quickstart's extractors (see the class comment). */
    static Map<Modality, Integer> quickstartDims() {
        Map<Modality, Integer> dims = new LinkedHashMap<>();
        dims.put(Modality.VIDEO, 40);
        dims.put(Modality.AUDIO, 16);
        dims.put(Modality.TEXT, 38);
        return dims;
    }

    private static Bench build(String name, int batch, int steps, int dModel) {
        Map<Modality, Integer> dims = quickstartDims();
        List<AlignedClip> clips = SyntheticAlignedClips.generate(
                new SyntheticClipsConfig(batch, steps, steps, dims, List.of("neutral", "happy"), 1.0, 0.1, 2.5), 1);
        TaskProvider<?> ah = TaskRegistry.load().get("ah");
        TaskSet tasks = TaskSet.create(List.of(new TaskSet.Choice(ah, ah.defaultConfig())), new TaskContext(Map.of(), clips, clips));
        ModelSpec spec = new ModelSpec(List.copyOf(dims.keySet()), dims, tasks.heads());
        Record config = switch (name) {
            case "cross-attention" -> new CrossAttentionConfig(dModel, 4, 1, 1, 0.3f, 4, "gelu", 1);
            case "mult" -> new MultConfig(dModel, 4, 1, 1, 1, 0.3f, 4, "gelu", null);
            default -> throw new IllegalArgumentException("--models: '" + name + "' is not benchmarked; use cross-attention and/or mult");
        };
        TaskModel block = new TaskModel(spec, FusionRegistry.load().build(name, config, spec));
        OptimizerSettings adam = OptimizerSettings.of("adam", 1e-3, 1e-4, 0.9, ScheduleConfig.constant(), 0);
        StatefulOptimizer optimizer = Optimizers.create(adam, 1, 1);
        Model model = Model.newInstance("bench-" + name);
        model.setBlock(block);
        Engine.getInstance().setRandomSeed(1);
        block.initialize(model.getNDManager(), DataType.FLOAT32, FusionInputs.initShapes(spec, 1, 1));
        Trainer trainer = model.newTrainer(new DefaultTrainingConfig(new TaskLoss(tasks)).optOptimizer(optimizer));
        trainer.initialize(FusionInputs.initShapes(spec, 1, 1));
        long parameters = 0;
        int arrays = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                parameters += p.getValue().getArray().size();
                arrays++;
            }
        }
        return new Bench(name, model, block, trainer, optimizer, new ClipBatcher(spec, tasks), clips, parameters, arrays);
    }

    /** {@link #run} under libtorch's autograd profiler, whose Chrome trace (every operation, forward and backward) goes to {@code file}. */
    private String profile(String name, int n, String file) {
        JniUtils.startProfile(false, true, false);
        try {
            return run(name, n);
        } finally {
            JniUtils.stopProfile(file);
        }
    }

    private String run(String name, int n) {
        Bench b = benches.get(name);
        if (b == null) {
            throw new IllegalArgumentException("model '" + name + "' was not built; built: " + benches.keySet());
        }
        List<FusionTrainer.Step> done = new ArrayList<>(n);
        long[] cpu = new long[n];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < n; i++) {
            long start = threads.getCurrentThreadCpuTime();
            done.add(b.step());
            cpu[i] = threads.getCurrentThreadCpuTime() - start;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("{\"model\": \"").append(name).append("\", \"loss_last\": ")
                .append(String.format(Locale.ROOT, "%.6f", done.get(n - 1).loss()))
                .append(", \"steps_so_far\": ").append(b.optimizer().stepCount())
                .append(", \"parameter_sha256\": \"").append(b.digest()).append('"');
        appendMs(sb, "ms", done, FusionTrainer.Step::totalNanos);
        sb.append(", \"cpu_ms\": [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", cpu[i] / 1e6));
        }
        sb.append(']');
        appendMs(sb, "batch_ms", done, FusionTrainer.Step::batchNanos);
        appendMs(sb, "forward_ms", done, FusionTrainer.Step::forwardNanos);
        appendMs(sb, "backward_ms", done, FusionTrainer.Step::backwardNanos);
        appendMs(sb, "update_ms", done, FusionTrainer.Step::updateNanos);
        appendMs(sb, "close_ms", done, FusionTrainer.Step::closeNanos);
        return sb.append('}').toString();
    }

    private static void appendMs(StringBuilder sb, String key, List<FusionTrainer.Step> steps,
                                 java.util.function.ToLongFunction<FusionTrainer.Step> nanos) {
        sb.append(", \"").append(key).append("\": [");
        for (int i = 0; i < steps.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", nanos.applyAsLong(steps.get(i)) / 1e6));
        }
        sb.append(']');
    }

    private String readyJson(int batch, int steps, int dModel, int warmup) {
        StringBuilder sb = new StringBuilder("{\"side\": \"mer4j\"");
        sb.append(", \"batch\": ").append(batch).append(", \"steps_per_clip\": ").append(steps).append(", \"d_model\": ").append(dModel)
                .append(", \"warmup\": ").append(warmup);
        sb.append(", \"dims\": {");
        int k = 0;
        for (Map.Entry<Modality, Integer> e : quickstartDims().entrySet()) {
            sb.append(k++ == 0 ? "" : ", ").append('"').append(e.getKey().key()).append("\": ").append(e.getValue());
        }
        sb.append("}, \"parameters\": {");
        k = 0;
        for (Bench b : benches.values()) {
            sb.append(k++ == 0 ? "" : ", ").append('"').append(b.name()).append("\": ").append(b.parameters());
        }
        sb.append("}, \"parameter_arrays\": {");
        k = 0;
        for (Bench b : benches.values()) {
            sb.append(k++ == 0 ? "" : ", ").append('"').append(b.name()).append("\": ").append(b.parameterArrays());
        }
        sb.append("}, \"djl\": \"").append(Engine.getDjlVersion()).append("\", \"engine\": \"").append(Engine.getInstance().getEngineName())
                .append(' ').append(Engine.getInstance().getVersion()).append('"');
        sb.append(", \"num_threads\": \"").append(System.getProperty("ai.djl.pytorch.num_threads", "")).append('"');
        sb.append(", \"num_interop_threads\": \"").append(System.getProperty("ai.djl.pytorch.num_interop_threads", "")).append('"');
        sb.append(", \"java\": \"").append(System.getProperty("java.version")).append('"');
        return sb.append('}').toString();
    }
}
