package org.mer4j.vision.features;

import org.mer4j.vision.pipeline.FacePipelineConfig;

/**
 * Settings of {@code face-landmarks}.
 *
 * @param face the face pipeline (default {@link FacePipelineConfig#defaults()})
 */
public record FaceLandmarksConfig(FacePipelineConfig face) {
    public FaceLandmarksConfig {
        face = face == null ? FacePipelineConfig.defaults() : face;
    }

    public static FaceLandmarksConfig defaults() {
        return new FaceLandmarksConfig(FacePipelineConfig.defaults());
    }
}
