package org.mer4j.audio;

/** Turns one analysis window into one feature row; built for a known sample rate. */
public interface HopAnalyzer {

    /** Row width. */
    int dim();

    /**
     * Analyses a window.
     *
     * @param window samples (reused by the caller)
     * @param row output row of {@link #dim()} values, all finite
     * @return the step's mask value (true when the step carries signal)
     */
    boolean analyze(float[] window, float[] row);
}
