package org.mer4j.audio;

import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;

/**
 * Skeleton of an audio extractor that emits one {@link HopAnalyzer} row per hop: it owns the name
 * and config and opens a {@link HopTrackSession}; subclasses say which analyzer to run.
 *
 * @param <C> the config record
 */
abstract class HopAudioExtractor<C extends Record> extends AudioExtractor<C> {
    HopAudioExtractor(String name, C config) {
        super(name, config);
    }

    /** The per-hop analyzer for audio at {@code sampleRate}. */
    abstract HopAnalyzer analyzer(int sampleRate);

    /** Seconds between rows. */
    abstract double hopSeconds();

    /** Analysis window in seconds. */
    abstract double windowSeconds();

    @Override
    public ExtractionSession open(ClipSource source) {
        return new HopTrackSession(source.clip().id(), name(), hopSeconds(), windowSeconds(), this::analyzer);
    }
}
