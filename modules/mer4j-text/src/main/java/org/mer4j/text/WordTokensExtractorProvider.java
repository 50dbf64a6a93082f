package org.mer4j.text;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code word-tokens}: timed words on a 0.1 s grid, each step a hashed word
 * embedding plus six A/H verbal marker flags (38 columns with the defaults).
 */
public final class WordTokensExtractorProvider implements FeatureExtractorProvider<WordTokensConfig> {
    /** Config name. */
    public static final String NAME = "word-tokens";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public Class<WordTokensConfig> configType() {
        return WordTokensConfig.class;
    }

    @Override
    public WordTokensConfig defaultConfig() {
        return WordTokensConfig.defaults();
    }

    @Override
    public FeatureExtractor create(WordTokensConfig config) {
        return new WordTokensExtractor(config);
    }
}
