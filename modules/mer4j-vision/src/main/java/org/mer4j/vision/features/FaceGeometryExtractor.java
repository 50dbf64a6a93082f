package org.mer4j.vision.features;

import java.util.function.Function;
import org.mer4j.vision.pipeline.FaceModels;
import org.mer4j.vision.pipeline.FaceObservation;
import org.mer4j.vision.pipeline.FacePipelineConfig;
import org.mer4j.vision.pipeline.FacialGeometry;
import org.mer4j.vision.pipeline.HeadPoseEstimator;

/** {@code face-geometry}: action-unit proxies from aligned landmarks, plus head pose. */
final class FaceGeometryExtractor extends AbstractFaceExtractor<FaceGeometryConfig> {
    private final FaceGeometryConfig cfg;

    FaceGeometryExtractor(FaceGeometryConfig cfg, Function<FacePipelineConfig, FaceModels> models) {
        super(FaceGeometryProvider.NAME, cfg, cfg.face(), models);
        this.cfg = cfg;
    }

    @Override
    boolean needsLandmarks() {
        return true;
    }

    int dim() {
        return FacialGeometry.AU_NAMES.size() + (cfg.headPose() ? 3 : 0);
    }

    @Override
    FaceFeature newFeature(FaceModels models) {
        int dim = dim();
        HeadPoseEstimator pose = cfg.headPose() ? new HeadPoseEstimator() : null;
        return new FaceFeature() {
            @Override
            public int dim() {
                return dim;
            }

            @Override
            public boolean compute(FaceObservation obs, float[] row) {
                if (obs.alignedLandmarks() == null) {
                    return false;
                }
                FacialGeometry.actionUnitProxies(obs.alignedLandmarks(), row, 0);
                if (pose != null) {
                    double[] ypr = pose.estimate(obs.landmarks(), obs.frameWidth(), obs.frameHeight());
                    if (ypr == null) {
                        return false;
                    }
                    int o = FacialGeometry.AU_NAMES.size();
                    for (int i = 0; i < 3; i++) {
                        row[o + i] = (float) ypr[i];
                    }
                }
                return true;
            }

            @Override
            public void close() {
                if (pose != null) {
                    pose.close();
                }
            }
        };
    }
}
