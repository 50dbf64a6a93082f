package org.mer4j.audio;

/**
 * Settings of the voice analysis behind {@code egemaps-lld}, {@code egemaps} and {@code vad}. Pitch
 * follows Boersma's autocorrelation method and path finder ("Accurate short-term analysis of the
 * fundamental frequency and the harmonics-to-noise ratio of a sampled sound", IFA Proceedings 17,
 * 1993), whose cost names and defaults it keeps; the hop is fixed at 10 ms as in eGeMAPS.
 *
 * @param minF0 pitch floor in Hz, in [30, maxF0); the window is three periods of it (default 55, eGeMAPS)
 * @param maxF0 pitch ceiling in Hz, up to 2000 (default 1000, eGeMAPS)
 * @param silenceDb steps whose 25 ms RMS level is below this (dBFS) are masked, in [-100, 0] (default -60)
 * @param silenceThreshold frames whose peak is below this fraction of the running stream peak lean unvoiced, in [0, 1) (default 0.03)
 * @param voicingThreshold normalised autocorrelation a frame needs to be voiced, in (0, 1) (default 0.45)
 * @param octaveCost bonus per octave for higher candidates, in [0, 1] (default 0.01)
 * @param octaveJumpCost path cost per octave of F0 change between hops, in [0, 10] (default 0.35)
 * @param voicedUnvoicedCost path cost of a voicing transition, in [0, 10] (default 0.14)
 */
public record VoiceConfig(double minF0, double maxF0, double silenceDb, double silenceThreshold, double voicingThreshold,
                          double octaveCost, double octaveJumpCost, double voicedUnvoicedCost) {
    /** Seconds between rows; eGeMAPS is defined on 10 ms hops. */
    public static final double HOP_SECONDS = 0.010;

    public VoiceConfig {
        if (!(minF0 >= 30) || !(minF0 < maxF0) || maxF0 > 2000) {
            throw new IllegalArgumentException("voice.minF0/maxF0 need 30 <= minF0 < maxF0 <= 2000 Hz, got " + minF0 + " and "
                    + maxF0 + "; eGeMAPS uses 55 and 1000, Praat's speech default is 75 and 600");
        }
        if (!(silenceDb >= Levels.FLOOR_DB) || silenceDb > 0) {
            throw new IllegalArgumentException("voice.silenceDb must be in [-100, 0] dBFS, got " + silenceDb + "; -60 suits clean recordings");
        }
        if (!(silenceThreshold >= 0) || !(silenceThreshold < 1)) {
            throw new IllegalArgumentException("voice.silenceThreshold must be in [0, 1), got " + silenceThreshold + "; Praat's default is 0.03");
        }
        if (!(voicingThreshold > 0) || !(voicingThreshold < 1)) {
            throw new IllegalArgumentException("voice.voicingThreshold must be in (0, 1), got " + voicingThreshold + "; Praat's default is 0.45");
        }
        if (!(octaveCost >= 0) || octaveCost > 1) {
            throw new IllegalArgumentException("voice.octaveCost must be in [0, 1], got " + octaveCost + "; Praat's default is 0.01");
        }
        if (!(octaveJumpCost >= 0) || octaveJumpCost > 10 || !(voicedUnvoicedCost >= 0) || voicedUnvoicedCost > 10) {
            throw new IllegalArgumentException("voice.octaveJumpCost and voice.voicedUnvoicedCost must be in [0, 10], got "
                    + octaveJumpCost + " and " + voicedUnvoicedCost + "; Praat's defaults are 0.35 and 0.14");
        }
    }

    /** eGeMAPS range 55-1000 Hz with Praat's default voicing and path costs. */
    public static VoiceConfig defaults() {
        return new VoiceConfig(55, 1000, -60, 0.03, 0.45, 0.01, 0.35, 0.14);
    }

    /** The same settings with another pitch range (e.g. Praat's 75-600 Hz). */
    public VoiceConfig withRange(double floorHz, double ceilingHz) {
        return new VoiceConfig(floorHz, ceilingHz, silenceDb, silenceThreshold, voicingThreshold, octaveCost, octaveJumpCost, voicedUnvoicedCost);
    }
}
