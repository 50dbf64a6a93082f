package org.mer4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mer4j.experiments.report.RunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mer4j compare A B}: what differs between two run folders or two experiment folders. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Show what differs between two runs (or two experiments): resolved config key by key, provenance"
                + " (commit, library versions, threads, data digests, plug-ins) and the metrics side by side with B - A.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "run folder or experiment folder A")
    Path a;

    @Parameters(index = "1", description = "run folder or experiment folder B")
    Path b;

    @Override
    public Integer call() throws Exception {
        System.out.print(RunComparison.compare(a, b));
        System.out.flush();
        return 0;
    }
}
