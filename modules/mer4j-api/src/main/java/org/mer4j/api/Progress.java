package org.mer4j.api;

import java.util.function.Consumer;

/**
 * Where long steps (extraction of a corpus, training of a run) report how far they are. The
 * command line shows a progress bar with rate and ETA on a terminal and plain periodic lines
 * otherwise ({@link ProgressLines}); library code only calls {@link #start} and {@link Meter#step}.
 */
public interface Progress {
    /** Reports nothing. */
    Progress NONE = (task, total, unit) -> Meter.NONE;

    /**
     * Starts measuring one step.
     *
     * @param task what is being done, e.g. {@code "extract"} or {@code "train early fusion f0"}
     * @param total how many units the step has (an upper bound when it may stop early)
     * @param unit what a unit is, e.g. {@code "clips"}, {@code "epochs"}
     */
    Meter start(String task, long total, String unit);

    /** Plain lines to {@code log} at most every {@code everySeconds}, and when a step ends. */
    static Progress lines(Consumer<String> log, double everySeconds) {
        return (task, total, unit) -> new ProgressLines(log, task, total, unit, everySeconds, System::nanoTime);
    }

    /** One running step; close it when the step ends (also when it ends early). */
    interface Meter extends AutoCloseable {
        /** Ignores everything. */
        Meter NONE = new Meter() {
            @Override
            public void step(long units) {
            }

            @Override
            public void close() {
            }
        };

        /** {@code units} more are done. */
        void step(long units);

        /** One more is done. */
        default void step() {
            step(1);
        }

        @Override
        void close();
    }
}
