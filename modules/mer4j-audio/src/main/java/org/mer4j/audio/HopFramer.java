package org.mer4j.audio;

import java.util.Arrays;

/**
 * Cuts a stream of samples into analysis windows of {@code window} samples every {@code hop}
 * samples, as the samples arrive. Window {@code k} covers samples {@code [k*hop, k*hop+window)};
 * {@link #finish} zero-pads the tail so every sample starts inside some step: a stream of
 * {@code N} samples gives {@code ceil(N / hop)} windows.
 */
public final class HopFramer {
    /** Receives each window; the array is reused, copy what you keep. */
    @FunctionalInterface
    public interface WindowConsumer {
        void accept(int step, float[] window);
    }

    private final int window;
    private final int hop;
    private final float[] frame;
    private float[] buffer;
    private int count;
    private long totalSamples;
    private int steps;

    public HopFramer(int window, int hop) {
        if (window <= 0 || hop <= 0 || hop > window) {
            throw new IllegalArgumentException("need 0 < hop <= window samples, got hop " + hop + " and window " + window);
        }
        this.window = window;
        this.hop = hop;
        this.frame = new float[window];
        this.buffer = new float[Math.max(4 * window, 4096)];
    }

    /** Appends samples and emits every window now complete. */
    public void add(float[] samples, WindowConsumer out) {
        ensureCapacity(count + samples.length);
        System.arraycopy(samples, 0, buffer, count, samples.length);
        count += samples.length;
        totalSamples += samples.length;
        int pos = 0;
        while (count - pos >= window) {
            System.arraycopy(buffer, pos, frame, 0, window);
            out.accept(steps++, frame);
            pos += hop;
        }
        int keep = Math.max(0, count - pos);
        System.arraycopy(buffer, Math.min(pos, count), buffer, 0, keep);
        count = keep;
    }

    /** Emits the zero-padded windows that still start inside the stream. */
    public void finish(WindowConsumer out) {
        int pos = 0;
        while ((long) steps * hop < totalSamples) {
            Arrays.fill(frame, 0f);
            int n = Math.max(0, Math.min(window, count - pos));
            System.arraycopy(buffer, pos, frame, 0, n);
            out.accept(steps++, frame);
            pos += hop;
        }
        count = 0;
    }

    /** Windows emitted so far. */
    public int steps() {
        return steps;
    }

    /** Samples received so far. */
    public long totalSamples() {
        return totalSamples;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
