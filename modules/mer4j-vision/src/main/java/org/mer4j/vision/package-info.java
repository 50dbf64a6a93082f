/**
 * Visual extractors: Haar-cascade face detection (Viola and Jones 2001, as implemented by OpenCV)
 * and per-frame face descriptors (histograms of oriented gradients, Dalal and Triggs 2005) exposed
 * as the {@code face-hog} {@link org.mer4j.api.FeatureExtractorProvider}.
 */
package org.mer4j.vision;
