/**
 * From clips to training-ready arrays: the on-disk {@link org.mer4j.features.FeatureStore} (one
 * {@code .npy} set plus a JSON sidecar per clip and extractor, keyed by extractor name, config
 * hash and media sha256), the resumable {@link org.mer4j.features.ExtractionRunner} that makes one
 * decode pass per clip and skips failing clips with a reason, and the
 * {@link org.mer4j.features.TimelineAligner} that puts every modality on one frame-level timeline.
 */
package org.mer4j.features;
