package org.mer4j.vision.pipeline;

import org.mer4j.vision.face.ExpressionModel;
import org.mer4j.vision.face.FaceDetector;
import org.mer4j.vision.face.LandmarkModel;

/**
 * The models one pipeline uses: a detector, and optionally a landmark and an expression model.
 * Closing it closes them. Not thread-safe: one per worker.
 *
 * @param backend short name for logs, e.g. {@code face-api} or {@code haar-fallback}
 * @param detector the face detector
 * @param landmarks the 68-point landmark model, or null (boxes only, no rotation in the alignment)
 * @param expression the expression model, or null
 */
public record FaceModels(String backend, FaceDetector detector, LandmarkModel landmarks, ExpressionModel expression)
        implements AutoCloseable {
    public FaceModels {
        if (detector == null) {
            throw new IllegalArgumentException("face models need a detector");
        }
    }

    @Override
    public void close() {
        try {
            detector.close();
        } catch (Exception e) {
            // closing native state: nothing more to do
        }
        if (landmarks != null) {
            try {
                landmarks.close();
            } catch (Exception e) {
                // ignore
            }
        }
        if (expression != null) {
            try {
                expression.close();
            } catch (Exception e) {
                // ignore
            }
        }
    }
}
