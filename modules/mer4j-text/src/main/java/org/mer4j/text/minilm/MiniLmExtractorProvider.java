package org.mer4j.text.minilm;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code text-minilm}: pretrained all-MiniLM-L6-v2 embeddings of the
 * transcript, one 384-d row per clip ({@code output: utterance}) or per word on a grid
 * ({@code output: words}).
 */
public final class MiniLmExtractorProvider implements FeatureExtractorProvider<MiniLmConfig> {
    /** Config name. */
    public static final String NAME = "text-minilm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public Class<MiniLmConfig> configType() {
        return MiniLmConfig.class;
    }

    @Override
    public MiniLmConfig defaultConfig() {
        return MiniLmConfig.defaults();
    }

    @Override
    public FeatureExtractor create(MiniLmConfig config) {
        return new MiniLmExtractor(config);
    }
}
