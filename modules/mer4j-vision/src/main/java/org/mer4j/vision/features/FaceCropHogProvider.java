package org.mer4j.vision.features;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code face-crop-hog}: the handcrafted fallback feature. Per frame, a
 * histogram of oriented gradients (Dalal and Triggs, CVPR 2005) of the aligned face crop in gray,
 * resized to {@code hogSize}, then the face box relative to the frame (centre x, centre y, width,
 * height): 328 columns with the defaults. Runs without the face-api weights (Haar detection,
 * optical-flow tracking, box-only alignment) and uses landmark alignment when they are installed.
 */
public final class FaceCropHogProvider implements FeatureExtractorProvider<FaceCropHogConfig> {
    /** Config name. */
    public static final String NAME = "face-crop-hog";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.VIDEO;
    }

    @Override
    public Class<FaceCropHogConfig> configType() {
        return FaceCropHogConfig.class;
    }

    @Override
    public FaceCropHogConfig defaultConfig() {
        return FaceCropHogConfig.defaults();
    }

    @Override
    public FeatureExtractor create(FaceCropHogConfig config) {
        return new FaceCropHogExtractor(config, AbstractFaceExtractor.defaultModels());
    }
}
