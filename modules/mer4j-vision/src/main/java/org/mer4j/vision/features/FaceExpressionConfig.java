package org.mer4j.vision.features;

import org.mer4j.vision.pipeline.FacePipelineConfig;

/**
 * Settings of {@code face-expression}.
 *
 * @param face the face pipeline (default {@link FacePipelineConfig#defaults()}; a partial block keeps the other defaults)
 * @param embedding append the expression net's 256-d penultimate features to the 7 probabilities (default false)
 */
public record FaceExpressionConfig(FacePipelineConfig face, boolean embedding) {
    public FaceExpressionConfig {
        face = face == null ? FacePipelineConfig.defaults() : face;
    }

    public static FaceExpressionConfig defaults() {
        return new FaceExpressionConfig(FacePipelineConfig.defaults(), false);
    }
}
