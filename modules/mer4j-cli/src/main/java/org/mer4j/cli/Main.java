package org.mer4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code mer4j} command. Errors from bad input print their message (which
 * names the file, key and fix) without a stack trace; set {@code MER4J_DEBUG=1} for the trace.
 */
@Command(name = "mer4j", mixinStandardHelpOptions = true, version = "mer4j 0.1.0",
        description = "Multimodal emotion recognition research on the JVM.",
        subcommands = {SynthCommand.class, RunCommand.class, QuickstartCommand.class, ValidateCommand.class, TableCommand.class,
                ReportCommand.class, CompareCommand.class, PredictCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests). */
    public static int execute(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((ex, cmd, parsed) -> {
                    if (System.getenv("MER4J_DEBUG") != null) {
                        ex.printStackTrace(cmd.getErr());
                    }
                    cmd.getErr().println("mer4j " + String.join(" ", parsed.originalArgs()) + ": " + ex.getMessage());
                    return 2;
                })
                .execute(args);
    }
}
