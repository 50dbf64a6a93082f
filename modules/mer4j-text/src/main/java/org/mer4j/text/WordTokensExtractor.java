package org.mer4j.text;

import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Modality;

/** The configured {@code word-tokens} extractor; needs neither video nor audio. */
public final class WordTokensExtractor implements FeatureExtractor {
    private final WordTokensConfig config;
    private final WordTrackBuilder builder;

    public WordTokensExtractor(WordTokensConfig config) {
        this.config = config == null ? WordTokensConfig.defaults() : config;
        this.builder = new WordTrackBuilder(this.config);
    }

    @Override
    public String name() {
        return WordTokensExtractorProvider.NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public WordTokensConfig config() {
        return config;
    }

    @Override
    public ExtractionSession open(ClipSource source) {
        FeatureTrack track = builder.build(name(), source.words());
        return () -> track;
    }
}
