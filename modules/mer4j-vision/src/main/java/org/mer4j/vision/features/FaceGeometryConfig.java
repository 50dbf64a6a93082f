package org.mer4j.vision.features;

import org.mer4j.vision.pipeline.FacePipelineConfig;

/**
 * Settings of {@code face-geometry}.
 *
 * @param face the face pipeline (default {@link FacePipelineConfig#defaults()})
 * @param headPose append yaw, pitch, roll in radians (default true)
 */
public record FaceGeometryConfig(FacePipelineConfig face, boolean headPose) {
    public FaceGeometryConfig {
        face = face == null ? FacePipelineConfig.defaults() : face;
    }

    public static FaceGeometryConfig defaults() {
        return new FaceGeometryConfig(FacePipelineConfig.defaults(), true);
    }
}
