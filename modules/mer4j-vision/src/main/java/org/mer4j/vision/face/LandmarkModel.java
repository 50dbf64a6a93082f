package org.mer4j.vision.face;

/** Locates the 68 landmarks of a face inside a detected box. Not thread-safe. */
public interface LandmarkModel extends AutoCloseable {
    /** Landmarks in pixel coordinates of {@code image}. */
    FaceLandmarks locate(RgbImage image, FaceDetection face);

    @Override
    default void close() {
    }
}
