package org.mer4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mer4j.experiments.ConfigLoader;
import org.mer4j.experiments.ExperimentRunner;
import org.mer4j.experiments.SummaryTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mer4j run <config.yaml> [--set key.path=value]...}: runs an experiment config. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run an experiment config (YAML).")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "experiment config, e.g. configs/quickstart.yaml")
    Path config;

    @Option(names = "--set", description = "override a config value, e.g. --set train.epochs=10 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--runs", description = "output folder for experiments (default: ./runs)")
    Path runs = Path.of("runs");

    @Override
    public Integer call() throws Exception {
        return runExperiment(config, overrides, Path.of("").toAbsolutePath(), runs);
    }

    static int runExperiment(Path config, List<String> overrides, Path projectDir, Path runs) throws Exception {
        ConfigLoader.Resolved resolved = ConfigLoader.load(config, overrides);
        SummaryTable.Summary summary = new ExperimentRunner(projectDir, projectDir.resolve(runs), Console::line,
                TerminalProgress.forThisProcess()).run(resolved);
        Path dir = projectDir.resolve(runs).resolve(summary.experiment());
        System.out.println();
        System.out.print(java.nio.file.Files.readString(dir.resolve("table.md")));
        System.out.println();
        System.out.println("summary: " + dir.resolve("summary.json"));
        System.out.println("table:   " + dir.resolve("table.md"));
        return 0;
    }
}
