package org.mer4j.vision.features;

import java.util.function.Function;
import org.mer4j.vision.pipeline.FaceModels;
import org.mer4j.vision.pipeline.FaceObservation;
import org.mer4j.vision.pipeline.FacePipelineConfig;

/** {@code face-landmarks}: the 68 landmarks in aligned-crop coordinates divided by the crop side. */
final class FaceLandmarksExtractor extends AbstractFaceExtractor<FaceLandmarksConfig> {
    FaceLandmarksExtractor(FaceLandmarksConfig cfg, Function<FacePipelineConfig, FaceModels> models) {
        super(FaceLandmarksProvider.NAME, cfg, cfg.face(), models);
    }

    @Override
    boolean needsLandmarks() {
        return true;
    }

    @Override
    FaceFeature newFeature(FaceModels models) {
        return new FaceFeature() {
            @Override
            public int dim() {
                return 136;
            }

            @Override
            public boolean compute(FaceObservation obs, float[] row) {
                double[] a = obs.alignedLandmarks();
                if (a == null) {
                    return false;
                }
                double side = obs.crop().cols();
                for (int i = 0; i < 136; i++) {
                    row[i] = (float) (a[i] / side);
                }
                return true;
            }
        };
    }
}
