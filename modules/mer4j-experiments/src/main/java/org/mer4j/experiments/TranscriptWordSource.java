package org.mer4j.experiments;

import java.io.IOException;
import java.util.List;
import org.mer4j.api.Clip;
import org.mer4j.api.DataRoot;
import org.mer4j.api.TimedWord;
import org.mer4j.features.ClipWordSource;
import org.mer4j.text.asr.AsrConfig;
import org.mer4j.text.asr.AsrUnavailableException;
import org.mer4j.text.asr.AsrWordSource;
import org.mer4j.text.transcripts.TranscriptReaders;

/**
 * Words for the text extractors: a clip's transcript in any format mer4j reads (chosen by file
 * extension and first line: BAH/Vosk word CSV, SRT, WebVTT, whisper-style JSON, Praat TextGrid,
 * MELD CSV), or, for clips without one and when {@code features.asr} is set, the words the
 * configured offline recogniser finds in the clip's audio (cached per media file).
 */
final class TranscriptWordSource implements ClipWordSource {
    private final TranscriptReaders readers = TranscriptReaders.defaults();
    private final AsrConfig asrConfig;
    private final AsrWordSource asr;

    /**
     * @param asrConfig the recogniser for clips without a transcript, or null for none
     * @throws IllegalArgumentException when the configured engine is not installed, saying how to install it
     */
    TranscriptWordSource(AsrConfig asrConfig) {
        this.asrConfig = asrConfig;
        if (asrConfig == null) {
            asr = null;
            return;
        }
        asr = new AsrWordSource(asrConfig);
        try {
            asr.recognizer().checkAvailable();
        } catch (AsrUnavailableException e) {
            throw new IllegalArgumentException("features.asr: " + e.getMessage(), e);
        }
    }

    /**
     * The transcript's format is chosen by the name the manifest gives it (a symbolic link may point
     * to a file named otherwise); the file read is the checked real path.
     */
    @Override
    public List<TimedWord> words(Clip clip, DataRoot.Checked transcript, DataRoot.Checked audio) throws IOException {
        if (transcript != null) {
            return readers.read(transcript.path(), transcript.given().getFileName().toString()).words();
        }
        if (asrConfig == null || audio == null) {
            return List.of();
        }
        return asr.words(audio.path());
    }

    @Override
    public String recognizerFor(Clip clip) {
        return asrConfig == null || clip.audioSource() == null ? null : asrConfig.engine();
    }
}
