package org.mer4j.audio;

import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;

/**
 * Skeleton of an audio extractor that emits one {@link HopAnalyzer} row per hop: it owns the name
 * and config and opens a {@link HopTrackSession}; subclasses say which analyzer to run.
 *
 * @param <C> the config record, which gives the hop and window
 */
abstract class HopAudioExtractor<C extends Record & HopTiming> extends AudioExtractor<C> {
    HopAudioExtractor(String name, C config) {
        super(name, config);
    }

    /** The per-hop analyzer for audio at {@code sampleRate}. */
    abstract HopAnalyzer analyzer(int sampleRate);

    @Override
    public ExtractionSession open(ClipSource source) {
        return new HopTrackSession(source.clip().id(), name(), config.hopSeconds(), config.windowSeconds(), this::analyzer);
    }
}
