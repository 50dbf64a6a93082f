package org.mer4j.vision.face;

/** Classifies the facial expression of a face crop (any size; the model resizes). Not thread-safe. */
public interface ExpressionModel extends AutoCloseable {
    /** Expression probabilities and embedding of the whole {@code faceCrop}. */
    ExpressionOutput classify(RgbImage faceCrop);

    @Override
    default void close() {
    }
}
