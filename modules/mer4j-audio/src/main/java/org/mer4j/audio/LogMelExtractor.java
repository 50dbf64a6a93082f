package org.mer4j.audio;

/** The configured {@code logmel} extractor: one {@link LogMelAnalyzer} row per hop. */
public final class LogMelExtractor extends HopAudioExtractor<LogMelConfig> {

    public LogMelExtractor(LogMelConfig config) {
        super(LogMelExtractorProvider.NAME, config == null ? LogMelConfig.defaults() : config);
    }

    @Override
    HopAnalyzer analyzer(int sampleRate) {
        return new LogMelAnalyzer(config(), sampleRate);
    }
}
