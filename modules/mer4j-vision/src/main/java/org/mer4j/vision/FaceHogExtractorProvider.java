package org.mer4j.vision;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code face-hog}: per delivered frame, Haar face detection (Viola and
 * Jones 2001) and a HOG descriptor (Dalal and Triggs 2005) of the 64x64 gray face crop plus 4 box
 * geometry values; 328 columns with the defaults.
 */
public final class FaceHogExtractorProvider implements FeatureExtractorProvider<FaceHogConfig> {
    /** Config name. */
    public static final String NAME = "face-hog";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.VIDEO;
    }

    @Override
    public Class<FaceHogConfig> configType() {
        return FaceHogConfig.class;
    }

    @Override
    public FaceHogConfig defaultConfig() {
        return FaceHogConfig.defaults();
    }

    @Override
    public FeatureExtractor create(FaceHogConfig config) {
        return new FaceHogExtractor(config);
    }
}
