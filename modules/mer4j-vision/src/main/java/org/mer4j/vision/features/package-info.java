/**
 * The per-frame face feature extractors ({@code face-expression}, {@code face-landmarks},
 * {@code face-geometry}, {@code face-crop-hog}, {@code face-torchscript}), registered through
 * {@link java.util.ServiceLoader} as {@link org.mer4j.api.FeatureExtractorProvider}s with typed
 * config records. The sessions of one clip share a single face pipeline, so several face features
 * cost one detection/tracking/alignment pass per frame.
 */
package org.mer4j.vision.features;
