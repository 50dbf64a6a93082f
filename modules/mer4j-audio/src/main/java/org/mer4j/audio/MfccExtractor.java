package org.mer4j.audio;

/** The configured {@code mfcc} extractor: one {@link MelCepstrum} row per hop. */
public final class MfccExtractor extends HopAudioExtractor<MfccConfig> {

    public MfccExtractor(MfccConfig config) {
        super(MfccExtractorProvider.NAME, config == null ? MfccConfig.defaults() : config);
    }

    @Override
    HopAnalyzer analyzer(int sampleRate) {
        return new MelCepstrum(config(), sampleRate);
    }
}
