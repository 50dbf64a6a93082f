package org.mer4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import ai.djl.pytorch.jni.JniUtils;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.mer4j.experiments.ExperimentRunner;

/**
 * The run grid (rows x root seeds x folds) as a Spark job: the driver plans the runs as the sequential
 * runner does, each task trains one planned run into its run folder through
 * {@link ExperimentRunner#runOne} (so finished runs are reused, interrupted ones resume from their
 * checkpoint, and a folder appears only when complete), and the driver builds the summary from the run
 * folders ({@link ExperimentRunner#summarise}). Tasks carry only the run's index and folder prefix;
 * an executor plans the experiment itself from the config (once per JVM) and checks that it plans
 * that run under the same prefix, so a node with other code, data or thread settings fails loudly
 * instead of training something else.
 *
 * <p>Within one executor JVM runs train one at a time ({@link ExecutorState#trainingLock()}): PyTorch
 * has one random generator per process. Parallelism comes from executors: give the run grid executors
 * of one core each ({@code spark.executor.cores=1}), or {@code spark.task.cpus} equal to the executor's cores.
 */
public final class SparkRunGrid implements ExperimentRunner.RunGrid {
    private final JavaSparkContext sc;
    private final JobSpec spec;
    private final Consumer<String> log;
    private final boolean shareDriverPlan;

    /**
     * @param spec the experiment (the same config the driver's runner plans)
     * @param log the driver's progress lines
     */
    public SparkRunGrid(JavaSparkContext sc, JobSpec spec, Consumer<String> log) {
        this(sc, spec, log, true);
    }

    /**
     * @param shareDriverPlan whether tasks in the driver's JVM (local mode) use the driver's plan; false makes
     *     them plan from the config text as a remote executor does (tests of that path)
     */
    SparkRunGrid(JavaSparkContext sc, JobSpec spec, Consumer<String> log, boolean shareDriverPlan) {
        this.sc = sc;
        this.spec = spec;
        this.log = log;
        this.shareDriverPlan = shareDriverPlan;
    }

    @Override
    public List<ExperimentRunner.RunResult> train(ExperimentRunner.Plan plan, ExperimentRunner runner) {
        List<ExperimentRunner.PlannedRun> runs = plan.runs();
        if (!plan.resolved().yaml().equals(spec.configYaml())) {
            throw new IllegalArgumentException("the run grid was made for another config than the experiment's plan");
        }
        if (shareDriverPlan) {
            ExecutorState.offer(spec, plan);
        }
        List<Task> tasks = runs.stream().map(r -> new Task(r.index(), r.prefix())).toList();
        log.accept("spark run " + plan.resolved().config().experiment() + ": " + runs.size() + " runs as " + runs.size() + " tasks on "
                + sc.master());
        List<Outcome> outcomes = sc.parallelize(tasks, Math.max(1, tasks.size())).map(new TrainRun(spec)).collect();
        List<ExperimentRunner.RunResult> results = new ArrayList<>(runs.size());
        IntStream.range(0, runs.size()).forEach(i -> results.add(null));
        for (Outcome o : outcomes) {
            ExperimentRunner.PlannedRun r = runs.get(o.index());
            results.set(o.index(), new ExperimentRunner.RunResult(r, o.folder() == null ? null : Path.of(o.folder()), o.failure()));
            log.accept(r.label() + (o.failure() != null ? " " + o.failure() : " -> " + plan.experimentDir().relativize(Path.of(o.folder())))
                    + " (on " + o.host() + ")");
        }
        if (results.contains(null)) {
            throw new IllegalStateException("the Spark job returned no result for run " + results.indexOf(null));
        }
        return results;
    }

    /** A planned run as a task: its index in the plan and its folder prefix (the check). */
    record Task(int index, String prefix) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What a task returns: the finished folder or the failure line, and where it ran. */
    record Outcome(int index, String folder, String failure, String host) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Trains one planned run on an executor. */
    static final class TrainRun implements Function<Task, Outcome> {
        private static final long serialVersionUID = 1L;
        private final JobSpec spec;

        TrainRun(JobSpec spec) {
            this.spec = spec;
        }

        @Override
        public Outcome call(Task task) {
            ExperimentRunner.Plan plan = ExecutorState.plan(spec);
            if (task.index() >= plan.runs().size() || !plan.runs().get(task.index()).prefix().equals(task.prefix())) {
                String mine = task.index() < plan.runs().size() ? plan.runs().get(task.index()).prefix() : "(no such run)";
                throw new IllegalStateException("run " + task.index() + ": the driver planned it as " + task.prefix() + ", this executor ("
                        + ExecutorState.host() + ") as " + mine + ". The run key covers the git commit, the PyTorch thread and MKL settings, the"
                        + " splits and the data: give every node the same jar, the same data on shared storage and the same"
                        + " MER4J_TORCH_THREADS / -Dai.djl.pytorch.num_threads and MKL_CBWR (spark.executorEnv.MKL_CBWR, as the config's"
                        + " runtime.mklBranch asks)");
            }
            ExperimentRunner.PlannedRun run = plan.runs().get(task.index());
            ExperimentRunner.RunResult r;
            synchronized (ExecutorState.trainingLock()) {
                // PyTorch's grad mode is per thread, and only the thread that loaded the engine has it off (DJL
                // turns it off there); the optimiser updates parameters in place, which a thread with grad mode
                // on refuses ("a leaf Variable that requires grad is being used in an in-place operation")
                ai.djl.engine.Engine.getEngine("PyTorch");
                boolean grad = JniUtils.isGradMode();
                JniUtils.setGradMode(false);
                try {
                    r = ExecutorState.runner(spec).runOne(plan, run);
                } catch (IOException e) {
                    throw new UncheckedIOException("run " + run.label() + ": " + e.getMessage(), e);
                } finally {
                    JniUtils.setGradMode(grad);
                }
            }
            return new Outcome(task.index(), r.folder() == null ? null : r.folder().toString(), r.failure(), ExecutorState.host());
        }
    }
}
