package org.mer4j.text.torchscript;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/** ServiceLoader entry of {@code text-torchscript}: a user's TorchScript text encoder, per word on the grid. */
public final class TextTorchScriptExtractorProvider implements FeatureExtractorProvider<TextTorchScriptConfig> {
    /** Config name. */
    public static final String NAME = "text-torchscript";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public Class<TextTorchScriptConfig> configType() {
        return TextTorchScriptConfig.class;
    }

    /** Defaults without paths: the YAML must give modelPath and vocabPath. */
    @Override
    public TextTorchScriptConfig defaultConfig() {
        return TextTorchScriptConfig.defaults();
    }

    @Override
    public FeatureExtractor create(TextTorchScriptConfig config) {
        return new TextTorchScriptExtractor(config);
    }
}
