package org.mer4j.vision.features;

import java.util.function.Function;
import org.mer4j.vision.FaceBox;
import org.mer4j.vision.FaceHogConfig;
import org.mer4j.vision.FaceHogDescriptor;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.pipeline.FaceModels;
import org.mer4j.vision.pipeline.FaceObservation;
import org.mer4j.vision.pipeline.FacePipelineConfig;

/** {@code face-crop-hog}: HOG of the aligned crop plus the face box geometry in the frame. */
final class FaceCropHogExtractor extends AbstractFaceExtractor<FaceCropHogConfig> {
    private final FaceHogConfig hog;

    FaceCropHogExtractor(FaceCropHogConfig cfg, Function<FacePipelineConfig, FaceModels> models) {
        super(FaceCropHogProvider.NAME, cfg, cfg.face(), models);
        // margin 0: the descriptor's crop is the whole aligned image
        this.hog = new FaceHogConfig(null, 1, 0, 0, cfg.hogSize(), cfg.cellSize(), cfg.bins(), 1);
    }

    int dim() {
        return hog.dim();
    }

    @Override
    FaceFeature newFeature(FaceModels models) {
        FaceHogDescriptor descriptor = new FaceHogDescriptor(hog);
        int n = hog.hogDim();
        return new FaceFeature() {
            @Override
            public int dim() {
                return hog.dim();
            }

            @Override
            public boolean compute(FaceObservation obs, float[] row) {
                int side = obs.crop().cols();
                descriptor.describe(obs.crop(), new FaceBox(0, 0, side, side), row);
                FaceDetection b = obs.box();
                double w = obs.frameWidth();
                double h = obs.frameHeight();
                row[n] = (float) (b.centerX() / w);
                row[n + 1] = (float) (b.centerY() / h);
                row[n + 2] = (float) (b.width() / w);
                row[n + 3] = (float) (b.height() / h);
                return true;
            }

            @Override
            public void close() {
                descriptor.close();
            }
        };
    }
}
