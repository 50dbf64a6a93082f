package org.mer4j.cli;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mer4j.api.Progress;

/**
 * How the command line shows progress: on a terminal a redrawn bar with rate and ETA
 * ({@code me.tongfei:progressbar}, on standard error), otherwise (CI, a log file, a pipe) plain
 * lines every 10 seconds. {@code MER4J_PROGRESS=plain} or {@code bar} overrides the choice.
 */
final class TerminalProgress {
    private static volatile boolean barShowing;

    private TerminalProgress() {
    }

    /** The progress display for this process's standard output. */
    static Progress forThisProcess() {
        String forced = System.getenv("MER4J_PROGRESS");
        boolean terminal = forced != null ? forced.equals("bar") : System.console() != null;
        return terminal ? TerminalProgress::bar : Progress.lines(Console::line, 10);
    }

    /** True while a bar is drawn, so a log line first clears the bar's line. */
    static boolean barShowing() {
        return barShowing;
    }

    private static Progress.Meter bar(String task, long total, String unit) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(500)
                // an explicit width: the library's own terminal probe would load a native terminal library
                .setConsumer(new ConsoleProgressBarConsumer(System.err, width()))
                .build();
        barShowing = true;
        return new Progress.Meter() {
            @Override
            public void step(long units) {
                bar.stepBy(units);
            }

            @Override
            public void close() {
                bar.close();
                barShowing = false;
            }
        };
    }

    private static int width() {
        try {
            String columns = System.getenv("COLUMNS");
            return columns == null ? 100 : Math.max(40, Integer.parseInt(columns.trim()) - 1);
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
