package org.mer4j.text.asr;

import java.nio.file.Path;
import java.util.List;
import org.mer4j.api.TimedWord;

/**
 * An offline speech recogniser that turns the speech of an audio or video file into timed words
 * (times in seconds from the start of the file). Implementations convert the media themselves.
 */
public interface SpeechRecognizer {

    /** Engine name used in configs, e.g. {@code pocketsphinx}, {@code vosk}. */
    String name();

    /** Engine and model version for provenance, e.g. {@code pocketsphinx 0.8+5prealpha+1-15 (en-us)}. */
    String version();

    /**
     * Throws {@link AsrUnavailableException} with install instructions when the engine or its model
     * is missing; cheap, so callers can check before a long run.
     */
    void checkAvailable() throws AsrUnavailableException;

    /** Transcribes the file's audio. */
    List<TimedWord> transcribe(Path audioOrVideo) throws AsrException;
}
