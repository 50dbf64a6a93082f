package org.mer4j.audio;

import java.util.List;

/**
 * Pause and rate statistics of a stretch of audio. Rates are per second of the whole stretch;
 * {@code articulationRate} is per second of speech evidence (de Jong and Wempe, "Praat script to
 * detect syllable nuclei and measure speech rate automatically", Behavior Research Methods 41(2),
 * 2009). Every field is 0 when undefined (no pause, no speech).
 *
 * @param pausesPerSec pauses per second
 * @param meanPauseSec mean pause length in seconds
 * @param maxPauseSec longest pause in seconds
 * @param pauseTimeRatio total pause time over the stretch's duration
 * @param speechRate syllable nuclei per second
 * @param articulationRate syllable nuclei per second of speech evidence
 */
public record PauseStats(double pausesPerSec, double meanPauseSec, double maxPauseSec, double pauseTimeRatio,
                         double speechRate, double articulationRate) {
    /** Column names as appended after the 88 eGeMAPS functionals. */
    public static final List<String> NAMES = List.of("pausesPerSec", "meanPauseSec", "maxPauseSec", "pauseTimeRatio",
            "syllableNucleiPerSec", "articulationRatePerSec");

    static PauseStats of(long hops, long evidenceHops, long pauses, long pauseHops, int maxPauseHops, long syllables, double hop) {
        double dur = hops * hop;
        double speech = evidenceHops * hop;
        return new PauseStats(dur > 0 ? pauses / dur : 0, pauses > 0 ? pauseHops * hop / pauses : 0, maxPauseHops * hop,
                dur > 0 ? pauseHops * hop / dur : 0, dur > 0 ? syllables / dur : 0, speech > 0 ? syllables / speech : 0);
    }

    /** The values in {@link #NAMES} order. */
    public double[] toArray() {
        return new double[] {pausesPerSec, meanPauseSec, maxPauseSec, pauseTimeRatio, speechRate, articulationRate};
    }

    /** Statistics of rows {@code [from, to)} of a buffer from its evidence and nucleus flags, as {@link VoiceActivityDetector} counts them. */
    static PauseStats fromBuffer(LldBuffer b, int from, int to, double hop, double minPauseSeconds) {
        int minHops = Math.max(1, (int) Math.round(minPauseSeconds / hop));
        long evidence = 0;
        long syllables = 0;
        long pauses = 0;
        long pauseHops = 0;
        int maxPause = 0;
        int gap = 0;
        boolean seen = false;
        for (int i = from; i < to; i++) {
            if (b.get(i, LldBuffer.NUCLEUS) > 0) {
                syllables++;
            }
            if (b.get(i, LldBuffer.EVIDENCE) > 0) {
                if (seen && gap >= minHops) {
                    pauses++;
                    pauseHops += gap;
                    maxPause = Math.max(maxPause, gap);
                }
                gap = 0;
                seen = true;
                evidence++;
            } else {
                gap++;
            }
        }
        return of(to - from, evidence, pauses, pauseHops, maxPause, syllables, hop);
    }
}
