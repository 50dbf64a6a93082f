package org.mer4j.vision.features;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code face-expression}: per frame, the softmax over the 7 classes of the
 * face-api expression net (neutral, happy, sad, angry, fearful, disgusted, surprised; a port of
 * {@code @vladmandic/face-api}) on the aligned face crop; with {@code embedding: true} followed by
 * the net's 256-d pooled features. 7 or 263 columns. Needs the face-api weights
 * ({@code tools/mer4j models install}).
 */
public final class FaceExpressionProvider implements FeatureExtractorProvider<FaceExpressionConfig> {
    /** Config name. */
    public static final String NAME = "face-expression";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.VIDEO;
    }

    @Override
    public Class<FaceExpressionConfig> configType() {
        return FaceExpressionConfig.class;
    }

    @Override
    public FaceExpressionConfig defaultConfig() {
        return FaceExpressionConfig.defaults();
    }

    @Override
    public FeatureExtractor create(FaceExpressionConfig config) {
        AbstractFaceExtractor.requireInstalledWeights(NAME, config.face());
        return new FaceExpressionExtractor(config, AbstractFaceExtractor.defaultModels());
    }
}
