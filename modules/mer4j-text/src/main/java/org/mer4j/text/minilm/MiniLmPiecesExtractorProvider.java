package org.mer4j.text.minilm;

import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.Modality;

/**
 * ServiceLoader entry of {@code minilm-pieces}: the all-MiniLM-L6-v2 word-piece ids of each clip's
 * transcript, one row per clip, for the fine-tuned encoder ({@code fusion: {type: minilm}}).
 */
public final class MiniLmPiecesExtractorProvider implements FeatureExtractorProvider<MiniLmPiecesConfig> {
    /** Config name. */
    public static final String NAME = MiniLmPiecesExtractor.NAME;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public Class<MiniLmPiecesConfig> configType() {
        return MiniLmPiecesConfig.class;
    }

    @Override
    public MiniLmPiecesConfig defaultConfig() {
        return MiniLmPiecesConfig.defaults();
    }

    @Override
    public FeatureExtractor create(MiniLmPiecesConfig config) {
        return new MiniLmPiecesExtractor(config);
    }
}
