package org.mer4j.text.asr;

import java.util.List;

/** The speech recognisers by name. */
public final class SpeechRecognizers {
    /** Known engine names. */
    public static final List<String> NAMES = List.of(PocketSphinxRecognizer.NAME, VoskRecognizer.NAME);

    private SpeechRecognizers() {
    }

    /** The engine the config names. */
    public static SpeechRecognizer create(AsrConfig config) {
        return switch (config.engine()) {
            case PocketSphinxRecognizer.NAME -> new PocketSphinxRecognizer(config.pocketsphinx());
            case VoskRecognizer.NAME -> new VoskRecognizer(config.vosk());
            default -> throw new IllegalArgumentException("asr.engine '" + config.engine() + "' is unknown; known: " + NAMES);
        };
    }
}
