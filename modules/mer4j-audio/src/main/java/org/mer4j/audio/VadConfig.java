package org.mer4j.audio;

/**
 * Settings of the {@code vad} extractor.
 *
 * @param voice the voicing and level analysis (null: {@link VoiceConfig#defaults()})
 * @param pauses voice activity, pause and nucleus settings (null: {@link PauseConfig#defaults()})
 */
public record VadConfig(VoiceConfig voice, PauseConfig pauses) {
    public VadConfig {
        voice = voice == null ? VoiceConfig.defaults() : voice;
        pauses = pauses == null ? PauseConfig.defaults() : pauses;
    }

    public static VadConfig defaults() {
        return new VadConfig(VoiceConfig.defaults(), PauseConfig.defaults());
    }
}
