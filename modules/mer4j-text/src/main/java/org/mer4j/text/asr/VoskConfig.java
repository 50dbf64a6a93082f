package org.mer4j.text.asr;

/**
 * Settings of the {@code vosk} engine.
 *
 * @param modelDir an unpacked Vosk model directory (required; none is shipped), e.g.
 *     {@code models/vosk/vosk-model-small-en-us-0.15}
 */
public record VoskConfig(String modelDir) {
}
