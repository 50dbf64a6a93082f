package org.mer4j.vision.features;

import java.util.function.Function;
import org.mer4j.vision.face.ExpressionOutput;
import org.mer4j.vision.pipeline.FaceModels;
import org.mer4j.vision.pipeline.FacePipelineConfig;

/** {@code face-expression}: the 7 expression probabilities (+ 256-d embedding) of the aligned crop. */
final class FaceExpressionExtractor extends AbstractFaceExtractor<FaceExpressionConfig> {
    /** Length of the face-api expression embedding. */
    static final int EMBEDDING_DIM = 256;
    private final FaceExpressionConfig cfg;

    FaceExpressionExtractor(FaceExpressionConfig cfg, Function<FacePipelineConfig, FaceModels> models) {
        super(FaceExpressionProvider.NAME, cfg, cfg.face(), models);
        this.cfg = cfg;
    }

    @Override
    boolean needsExpression() {
        return true;
    }

    int dim() {
        return ExpressionOutput.CLASSES.size() + (cfg.embedding() ? EMBEDDING_DIM : 0);
    }

    @Override
    FaceFeature newFeature(FaceModels models) {
        int dim = dim();
        return new FaceFeature() {
            @Override
            public int dim() {
                return dim;
            }

            @Override
            public boolean compute(org.mer4j.vision.pipeline.FaceObservation obs, float[] row) {
                ExpressionOutput out = obs.expression();
                if (out == null) {
                    return false;
                }
                System.arraycopy(out.probabilities(), 0, row, 0, 7);
                if (cfg.embedding()) {
                    float[] e = out.embedding();
                    if (e == null || e.length != EMBEDDING_DIM) {
                        throw new IllegalStateException("face-expression.embedding: the expression model gave "
                                + (e == null ? "no" : e.length + " values of") + " embedding, expected " + EMBEDDING_DIM);
                    }
                    System.arraycopy(e, 0, row, 7, EMBEDDING_DIM);
                }
                return true;
            }
        };
    }
}
