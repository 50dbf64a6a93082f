package org.mer4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mer4j.experiments.report.ExperimentReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mer4j report runs/<experiment>}: one self-contained HTML report of an experiment folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write runs/<experiment>/report.html: the table, learning curves, confusion matrices, precision-recall curves,"
                + " per-subject and per-gender breakdowns and the provenance, from the run folders alone (one file, opens offline).")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "experiment folder, e.g. runs/quickstart (or one run folder in it)")
    Path folder;

    @Option(names = {"-o", "--out"}, description = "where to write the page (default: <folder>/report.html)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path written = ExperimentReport.write(folder, out != null ? out : folder.resolve(ExperimentReport.FILE));
        Console.line("report: " + written);
        return 0;
    }
}
