package org.mer4j.audio;

/**
 * Settings of the {@code egemaps} functionals extractor.
 *
 * @param voice the LLD analysis (null: {@link VoiceConfig#defaults()})
 * @param pauses voice activity and syllable nuclei (null: {@link PauseConfig#defaults()})
 * @param segmentSeconds 0 for one row per clip at time 0, else one row per segment of this length
 *                       (row time = segment start), in {0} or [0.05, 3600] s (default 0)
 * @param pauseColumns append the {@link PauseStats#NAMES} columns after the 88 (null: true)
 */
public record EgemapsConfig(VoiceConfig voice, PauseConfig pauses, double segmentSeconds, Boolean pauseColumns) {
    public EgemapsConfig {
        voice = voice == null ? VoiceConfig.defaults() : voice;
        pauses = pauses == null ? PauseConfig.defaults() : pauses;
        pauseColumns = pauseColumns == null ? Boolean.TRUE : pauseColumns;
        if (!(segmentSeconds == 0 || (segmentSeconds >= 0.05 && segmentSeconds <= 3600))) {
            throw new IllegalArgumentException("egemaps.segmentSeconds must be 0 (whole clip) or in [0.05, 3600] s, got "
                    + segmentSeconds);
        }
    }

    /** Whole clip, default voice and pause settings, pause columns on. */
    public static EgemapsConfig defaults() {
        return new EgemapsConfig(VoiceConfig.defaults(), PauseConfig.defaults(), 0, true);
    }

    /** Number of columns: 88, plus 6 with pause columns. */
    public int dim() {
        return EgemapsFunctionals.COUNT + (pauseColumns ? PauseStats.NAMES.size() : 0);
    }
}
