package org.mer4j.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.mer4j.experiments.ConfigLoader;
import org.mer4j.experiments.ExperimentRunner;
import org.mer4j.experiments.SummaryTable;
import org.mer4j.features.ExtractionReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mer4j spark extract|run CONFIG [--master M] [--set k=v]...}: an experiment's extraction, or
 * the whole experiment, as Spark jobs. The same main class is what {@code spark-submit} runs on a
 * cluster. Errors print their message without a stack trace ({@code MER4J_DEBUG=1} for the trace).
 */
@Command(name = "spark", mixinStandardHelpOptions = true, version = "mer4j 0.1.0",
        description = "Run an experiment's extraction (extract) or the whole experiment (run) on Apache Spark.",
        subcommands = {SparkMain.Extract.class, SparkMain.Run.class})
public final class SparkMain {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests). */
    public static int execute(String... args) {
        return new CommandLine(new SparkMain())
                .setExecutionExceptionHandler((ex, cmd, parsed) -> {
                    if (System.getenv("MER4J_DEBUG") != null) {
                        ex.printStackTrace(cmd.getErr());
                    }
                    cmd.getErr().println("mer4j spark " + String.join(" ", parsed.originalArgs()) + ": " + ex.getMessage());
                    return 2;
                })
                .execute(args);
    }

    static void line(String message) {
        System.out.println("[" + LocalTime.now().format(TIME) + "] " + message);
        System.out.flush();
    }

    /** Options both subcommands share. */
    abstract static class Common implements Callable<Integer> {
        @Parameters(index = "0", description = "experiment config, e.g. configs/quickstart.yaml")
        Path config;

        @Option(names = "--set", description = "override a config value, e.g. --set train.epochs=10 (repeatable)")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--master", description = "Spark master: local[N], spark://host:7077, yarn, k8s://... (default: spark-submit's,"
                + " else " + SparkContexts.DEFAULT_MASTER + ")")
        String master;

        @Option(names = "--partitions", description = "clip partitions of the extraction job (default: two per task slot, at least "
                + SparkExtraction.MIN_CLIPS_PER_PARTITION + " clips each where the corpus allows)")
        int partitions;

        @Option(names = "--runs", description = "output folder for experiments (default: ./runs)")
        Path runs = Path.of("runs");

        @Option(names = "--spark-local-dir", description = "Spark's scratch folder (default: -Dmer4j.spark.localDir, else .cache/spark)")
        Path localDir;

        Path projectDir() {
            return Path.of("").toAbsolutePath();
        }

        JavaSparkContext context(String what, ConfigLoader.Resolved resolved) throws java.io.IOException {
            Path dir = localDir != null ? localDir
                    : Path.of(System.getProperty("mer4j.spark.localDir", projectDir().resolve(".cache/spark").toString()));
            return SparkContexts.create(master, "mer4j " + what + " " + resolved.config().experiment(), dir);
        }
    }

    /** {@code spark extract}: the feature store of the experiment, filled by a Spark job. */
    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Extract the config's features into its feature store as a Spark job (clips partitioned across executors).")
    static final class Extract extends Common {
        @Override
        public Integer call() throws Exception {
            ConfigLoader.Resolved resolved = ConfigLoader.load(config, overrides);
            Path project = projectDir();
            JobSpec spec = JobSpec.of(resolved, project, project.resolve(runs));
            try (JavaSparkContext sc = context("extract", resolved)) {
                ExtractionReport report = SparkExtraction.run(sc, resolved, project, project.resolve(runs), partitions, SparkMain::line);
                return report.clips() > 0 && report.skipped().size() == report.clips() ? 1 : 0;
            } finally {
                ExecutorState.release(spec);
            }
        }
    }

    /** {@code spark run}: extraction, then the run grid, as Spark jobs; the summary and tables as on one machine. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the experiment: extraction and then the run grid (rows x seeds x folds) as Spark jobs.")
    static final class Run extends Common {
        @Override
        public Integer call() throws Exception {
            ConfigLoader.Resolved resolved = ConfigLoader.load(config, overrides);
            Path project = projectDir();
            Path runsDir = project.resolve(runs);
            JobSpec spec = JobSpec.of(resolved, project, runsDir);
            SummaryTable.Summary summary;
            try (JavaSparkContext sc = context("run", resolved)) {
                SparkExtraction.run(sc, resolved, project, runsDir, partitions, SparkMain::line);
                summary = new ExperimentRunner(project, runsDir, SparkMain::line).run(resolved, new SparkRunGrid(sc, spec, SparkMain::line));
            } finally {
                ExecutorState.release(spec);
            }
            Path dir = runsDir.resolve(summary.experiment());
            System.out.println();
            System.out.print(Files.readString(dir.resolve("table.md")));
            System.out.println();
            System.out.println("summary: " + dir.resolve("summary.json"));
            System.out.println("table:   " + dir.resolve("table.md"));
            return 0;
        }
    }
}
