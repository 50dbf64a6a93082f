package org.mer4j.synth;

/**
 * The label design of the synthetic corpus: segment lengths and how often discord (A/H) segments
 * and hesitation cues occur. Non-discord segments are no-shift or consistent-shift with equal
 * probability and discord subsets of size 1 and 2 are equally likely, so each single modality
 * shows a non-base emotion with probability 1/2 both inside and outside A/H (see README).
 *
 * @param minSegmentSeconds shortest segment (default 1.2)
 * @param maxSegmentSeconds longest segment (default 2.5)
 * @param cleanClipProbability probability that a clip has no discord at all (default 0.22)
 * @param discordProbability probability that a segment of a non-clean clip is a discord segment (default 0.4)
 * @param cueProbabilityInDiscord probability of a hesitation cue in a discord segment (default 0.4)
 * @param cueProbabilityElsewhere probability of a hesitation cue in any other segment (default 0.15)
 */
public record LabelDesignConfig(double minSegmentSeconds, double maxSegmentSeconds, double cleanClipProbability,
                                double discordProbability, double cueProbabilityInDiscord, double cueProbabilityElsewhere) {
    public LabelDesignConfig {
        if (!(minSegmentSeconds >= 0.5)) {
            throw new IllegalArgumentException("synth.design.minSegmentSeconds must be >= 0.5 s (room for words), got " + minSegmentSeconds);
        }
        if (!(maxSegmentSeconds >= minSegmentSeconds)) {
            throw new IllegalArgumentException("synth.design.maxSegmentSeconds must be >= minSegmentSeconds (" + minSegmentSeconds
                    + "), got " + maxSegmentSeconds);
        }
        probability("cleanClipProbability", cleanClipProbability);
        probability("discordProbability", discordProbability);
        probability("cueProbabilityInDiscord", cueProbabilityInDiscord);
        probability("cueProbabilityElsewhere", cueProbabilityElsewhere);
    }

    /** The quickstart design: segments 1.2-2.5 s, about 30% of the time A/H, 22% clean clips. */
    public static LabelDesignConfig defaults() {
        return new LabelDesignConfig(1.2, 2.5, 0.22, 0.4, 0.4, 0.15);
    }

    private static void probability(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("synth.design." + field + " must be a probability in [0, 1], got " + v);
        }
    }
}
