package org.mer4j.text.vocab;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/** ServiceLoader entry of {@code word-ids}: the 24-bit id of the active word per step (1 column). */
public final class WordIdsExtractorProvider implements FeatureExtractorProvider<WordIdsConfig> {
    /** Config name. */
    public static final String NAME = "word-ids";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public Class<WordIdsConfig> configType() {
        return WordIdsConfig.class;
    }

    @Override
    public WordIdsConfig defaultConfig() {
        return WordIdsConfig.defaults();
    }

    @Override
    public FeatureExtractor create(WordIdsConfig config) {
        return new WordIdsExtractor(config);
    }
}
