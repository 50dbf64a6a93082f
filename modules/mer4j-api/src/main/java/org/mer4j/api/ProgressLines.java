package org.mer4j.api;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A {@link Progress.Meter} for logs and CI, where a redrawn bar would be noise: one line such as
 * {@code "extract: 40/144 clips (28%), 2.31 clips/s, ETA 45 s"} at most every few seconds, and a
 * final line with the total time when the step ends.
 */
public final class ProgressLines implements Progress.Meter {
    private final Consumer<String> log;
    private final String task;
    private final long total;
    private final String unit;
    private final long everyNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private long done;
    private long lastLineNanos;
    private boolean closed;

    /**
     * @param clock nanosecond clock ({@code System::nanoTime}; a fake one in tests)
     */
    public ProgressLines(Consumer<String> log, String task, long total, String unit, double everySeconds, LongSupplier clock) {
        this.log = log;
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.everyNanos = (long) (everySeconds * 1e9);
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastLineNanos = startNanos;
    }

    @Override
    public synchronized void step(long units) {
        done += units;
        long now = clock.getAsLong();
        if (now - lastLineNanos >= everyNanos && done < total) {
            lastLineNanos = now;
            log.accept(line(now));
        }
    }

    /** The line for the state at {@code now}: done/total, percentage, rate and ETA. */
    String line(long now) {
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder s = new StringBuilder(task).append(": ").append(done).append('/').append(total).append(' ').append(unit);
        if (total > 0) {
            s.append(String.format(Locale.ROOT, " (%d%%)", Math.round(100.0 * done / total)));
        }
        s.append(String.format(Locale.ROOT, ", %.2f %s/s", rate, unit));
        if (rate > 0 && done < total) {
            s.append(", ETA ").append(duration((total - done) / rate));
        }
        return s.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long now = clock.getAsLong();
        double seconds = (now - startNanos) / 1e9;
        if (seconds * 1e9 >= everyNanos) { // short steps end silently: their result line says enough
            log.accept(task + ": " + done + "/" + total + " " + unit + " in " + duration(seconds));
        }
    }

    /** {@code 45 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
