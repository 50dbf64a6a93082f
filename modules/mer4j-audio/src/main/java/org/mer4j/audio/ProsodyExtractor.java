package org.mer4j.audio;

/** The configured {@code prosody} extractor: one {@link ProsodyAnalyzer} row per hop. */
public final class ProsodyExtractor extends HopAudioExtractor<ProsodyConfig> {

    public ProsodyExtractor(ProsodyConfig config) {
        super(ProsodyExtractorProvider.NAME, config == null ? ProsodyConfig.defaults() : config);
    }

    @Override
    HopAnalyzer analyzer(int sampleRate) {
        return new ProsodyAnalyzer(config(), sampleRate);
    }
}
