package org.mer4j.vision.features;

import org.mer4j.vision.pipeline.FaceObservation;

/** The per-session part of a {@code face-*} extractor: turns one observed face into a row. */
interface FaceFeature extends AutoCloseable {
    /** Row width. */
    int dim();

    /**
     * Fills {@code row} for a frame whose face is {@link FaceObservation#present() present}.
     *
     * @return false when this frame cannot give the feature (the row is then masked)
     */
    boolean compute(FaceObservation obs, float[] row);

    @Override
    default void close() {
    }
}
