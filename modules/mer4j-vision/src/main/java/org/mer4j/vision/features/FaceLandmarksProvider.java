package org.mer4j.vision.features;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code face-landmarks}: per frame, the 68 iBUG landmarks (Sagonas et al.
 * 2013) mapped into the aligned crop by the frame's similarity transform (Umeyama 1991), so
 * translation, scale and in-plane rotation are removed, divided by the crop side (about 0..1):
 * {@code x0, y0, ..., x67, y67}, 136 columns. Needs the face-api weights
 * ({@code tools/mer4j models install}).
 */
public final class FaceLandmarksProvider implements FeatureExtractorProvider<FaceLandmarksConfig> {
    /** Config name. */
    public static final String NAME = "face-landmarks";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.VIDEO;
    }

    @Override
    public Class<FaceLandmarksConfig> configType() {
        return FaceLandmarksConfig.class;
    }

    @Override
    public FaceLandmarksConfig defaultConfig() {
        return FaceLandmarksConfig.defaults();
    }

    @Override
    public FeatureExtractor create(FaceLandmarksConfig config) {
        AbstractFaceExtractor.requireInstalledWeights(NAME, config.face());
        return new FaceLandmarksExtractor(config, AbstractFaceExtractor.defaultModels());
    }
}
