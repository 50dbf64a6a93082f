package org.mer4j.features;

import java.io.IOException;
import java.util.List;
import org.mer4j.api.Clip;
import org.mer4j.api.DataRoot;
import org.mer4j.api.TimedWord;
import org.mer4j.api.WordTranscripts;

/**
 * Where a clip's words come from: its transcript file (in whatever format the implementation
 * reads), or a speech recogniser for clips without one. The files it gets have already passed
 * {@link DataRoot}: inside the data root (unless allowed), regular files, within the size limit.
 */
public interface ClipWordSource {
    /**
     * The clip's timed words, empty when it has none.
     *
     * @param clip the clip
     * @param transcript its transcript file, checked; null when the clip has none
     * @param audio the file that carries its audio, checked; null when it has none (or it is not needed)
     * @throws org.mer4j.api.MalformedFileException when the transcript breaks its format (the clip is
     *     skipped as {@code bad-transcript}); other {@link IOException}s are I/O failures ({@code io-error})
     */
    List<TimedWord> words(Clip clip, DataRoot.Checked transcript, DataRoot.Checked audio) throws IOException;

    /**
     * The recogniser that transcribes clips without a transcript (part of the text features' cache
     * key), or null when such clips simply have no words.
     */
    String recognizerFor(Clip clip);

    /** Reads BAH/Vosk word CSVs only; clips without a transcript have no words. */
    static ClipWordSource wordCsv() {
        return new ClipWordSource() {
            @Override
            public List<TimedWord> words(Clip clip, DataRoot.Checked transcript, DataRoot.Checked audio) throws IOException {
                return transcript == null ? List.of() : WordTranscripts.read(transcript.path(), transcript.insideRoot());
            }

            @Override
            public String recognizerFor(Clip clip) {
                return null;
            }
        };
    }
}
