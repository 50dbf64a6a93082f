package org.mer4j.features;

import java.io.IOException;
import java.util.List;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.api.TimedWord;
import org.mer4j.api.WordTranscripts;

/**
 * Where a clip's words come from: its transcript file (in whatever format the implementation
 * reads), or a speech recogniser for clips without one.
 */
public interface ClipWordSource {
    /**
     * The clip's timed words, empty when it has none.
     *
     * @throws IOException when the transcript cannot be read or recognition fails (the clip is then
     *     skipped as {@code bad-transcript})
     */
    List<TimedWord> words(Manifest manifest, Clip clip) throws IOException;

    /**
     * The recogniser that transcribes clips without a transcript (part of the text features' cache
     * key), or null when such clips simply have no words.
     */
    String recognizerFor(Clip clip);

    /** Reads BAH/Vosk word CSVs only; clips without a transcript have no words. */
    static ClipWordSource wordCsv() {
        return new ClipWordSource() {
            @Override
            public List<TimedWord> words(Manifest manifest, Clip clip) throws IOException {
                return clip.transcript() == null ? List.of() : WordTranscripts.read(manifest.resolve(clip.transcript()));
            }

            @Override
            public String recognizerFor(Clip clip) {
                return null;
            }
        };
    }
}
