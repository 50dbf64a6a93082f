package org.mer4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mer4j.experiments.tables.TableBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mer4j table experiments/<name>}: rebuilds a published table from its spec and the run folders. */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Rebuild experiments/<name>/table.md, .csv and .tex from table.yaml and the run folders alone.")
final class TableCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "folder with table.yaml, e.g. experiments/quickstart-bah")
    Path folder;

    @Option(names = "--runs", description = "runs folder (default: ./runs)")
    Path runs = Path.of("runs");

    @Override
    public Integer call() throws Exception {
        TableBuilder.Result r = TableBuilder.build(folder, runs);
        Console.line("table: " + folder.resolve("table.md") + " (" + r.cells() + " cells from " + r.runFolders().size() + " run folders)");
        r.missing().forEach(m -> Console.line("missing: " + m));
        return r.missing().isEmpty() ? 0 : 3;
    }
}
