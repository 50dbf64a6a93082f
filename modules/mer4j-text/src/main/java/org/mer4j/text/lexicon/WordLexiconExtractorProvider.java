package org.mer4j.text.lexicon;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/** ServiceLoader entry of {@code word-lexicon}: lexicon valence/arousal per step (2 columns). */
public final class WordLexiconExtractorProvider implements FeatureExtractorProvider<WordLexiconConfig> {
    /** Config name. */
    public static final String NAME = "word-lexicon";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public Class<WordLexiconConfig> configType() {
        return WordLexiconConfig.class;
    }

    @Override
    public WordLexiconConfig defaultConfig() {
        return WordLexiconConfig.defaults();
    }

    @Override
    public FeatureExtractor create(WordLexiconConfig config) {
        return new WordLexiconExtractor(config);
    }
}
