package org.mer4j.vision.features;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code face-geometry}: per frame, geometric proxies of FACS action units
 * (Ekman and Friesen 1978) from the aligned landmarks, normalised by the inter-ocular distance —
 * mouth_open (AU25/26), mouth_width (AU20), lip_corner_pull (AU12), inner_brow_raise (AU1),
 * outer_brow_raise (AU2), eye_open_r and eye_open_l (AU5 up / AU7 down) — then, with
 * {@code headPose: true}, yaw, pitch and roll in radians from solvePnP against a generic 3-D face
 * (see {@link org.mer4j.vision.pipeline.HeadPoseEstimator}). 10 columns by default, 7 without pose.
 * Needs the face-api weights ({@code tools/mer4j models install}).
 */
public final class FaceGeometryProvider implements FeatureExtractorProvider<FaceGeometryConfig> {
    /** Config name. */
    public static final String NAME = "face-geometry";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.VIDEO;
    }

    @Override
    public Class<FaceGeometryConfig> configType() {
        return FaceGeometryConfig.class;
    }

    @Override
    public FaceGeometryConfig defaultConfig() {
        return FaceGeometryConfig.defaults();
    }

    @Override
    public FeatureExtractor create(FaceGeometryConfig config) {
        AbstractFaceExtractor.requireInstalledWeights(NAME, config.face());
        return new FaceGeometryExtractor(config, AbstractFaceExtractor.defaultModels());
    }
}
