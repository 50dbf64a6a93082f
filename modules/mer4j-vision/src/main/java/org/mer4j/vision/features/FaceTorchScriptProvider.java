package org.mer4j.vision.features;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code face-torchscript}: bring your own image encoder. Per frame, the
 * aligned face crop is resized to {@code inputSize}, scaled to [0, 1], normalised with
 * {@code mean}/{@code std} and fed as {@code [1, 3, H, W]} to a TorchScript model loaded with DJL's
 * PyTorch engine from {@code modelPath}; the output tensor (e.g. the penultimate layer of a ResNet
 * trained on AffectNet, Mollahosseini et al. 2017) is the row, its width read from the model.
 * Works with either the face-api or the Haar fallback pipeline.
 */
public final class FaceTorchScriptProvider implements FeatureExtractorProvider<FaceTorchScriptConfig> {
    /** Config name. */
    public static final String NAME = "face-torchscript";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.VIDEO;
    }

    @Override
    public Class<FaceTorchScriptConfig> configType() {
        return FaceTorchScriptConfig.class;
    }

    @Override
    public FaceTorchScriptConfig defaultConfig() {
        return FaceTorchScriptConfig.defaults();
    }

    @Override
    public FeatureExtractor create(FaceTorchScriptConfig config) {
        return new FaceTorchScriptExtractor(config, AbstractFaceExtractor.defaultModels());
    }
}
