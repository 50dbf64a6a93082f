package org.mer4j.vision.face;

import java.util.List;

/** Finds faces in an image. Implementations are not thread-safe: one per worker. */
public interface FaceDetector extends AutoCloseable {
    /** A short name for logs and provenance, e.g. {@code tiny-face-detector} or {@code haar}. */
    String name();

    /** All faces found, best score first. */
    List<FaceDetection> detect(RgbImage image);

    @Override
    default void close() {
    }
}
