package org.mer4j.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mer4j.api.Modality;

/**
 * Plans a clip without rendering it: base emotion, segments with per-modality emotions
 * ({@link SegmentType}), hesitation cues, words, syllables and blinks.
 *
 * <p>Design (see README): a clip is clean (no discord) with probability
 * {@code cleanClipProbability}; otherwise each segment is a discord segment with probability
 * {@code discordProbability} and at least one is. Discord segments pick a non-empty proper subset
 * of {face, voice, words} (sizes 1 and 2 equally likely) that shows one other emotion while the
 * rest show the base emotion. Other segments are no-shift or consistent-shift with probability
 * 1/2 each. Every modality therefore shows a non-base emotion with probability 1/2 whether or not
 * the segment is A/H. A hesitation cue lands in one random modality, more often in discord
 * segments.
 *
 * <p>With an emotion-conflict design ({@link ConflictDesign}) the caller names each clip's
 * {@link ConflictSubset} ({@link #plan(String, SubjectProfile, double, SplittableRandom, ConflictSubset)})
 * and that design replaces the discord design: the true emotion and, in conflict clips, one
 * distractor hold for the whole clip.
 */
public final class ClipPlanner {
    private static final Modality[] MODALITIES = {Modality.VIDEO, Modality.AUDIO, Modality.TEXT};
    private static final Emotion[] EMOTIONS = Emotion.values();

    private final LabelDesignConfig design;
    private final ConflictDesign conflict;

    public ClipPlanner(LabelDesignConfig design) {
        this(design, null);
    }

    /** A planner for {@code design} with emotion-conflict subsets {@code conflict} (null for none). */
    public ClipPlanner(LabelDesignConfig design, ConflictDesign conflict) {
        this.design = design;
        this.conflict = conflict;
    }

    /** Plans clip {@code clipId} of {@code subject}, {@code seconds} long, from {@code rng} alone. */
    public ClipPlan plan(String clipId, SubjectProfile subject, double seconds, SplittableRandom rng) {
        Emotion base = EMOTIONS[rng.nextInt(EMOTIONS.length)];
        List<double[]> spans = cut(seconds, rng);
        boolean clean = rng.nextDouble() < design.cleanClipProbability();
        boolean[] discord = new boolean[spans.size()];
        boolean any = false;
        for (int i = 0; i < discord.length; i++) {
            discord[i] = !clean && rng.nextDouble() < design.discordProbability();
            any |= discord[i];
        }
        if (!clean && !any) {
            discord[rng.nextInt(discord.length)] = true;
        }
        List<SegmentPlan> segments = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            segments.add(segment(i, spans.get(i), base, discord[i], rng));
        }
        return finish(clipId, subject, seconds, base, segments, null, null, rng);
    }

    /**
     * Plans clip {@code clipId} of subset {@code subset} of the emotion-conflict design: a true
     * emotion (the label, uniform), for conflict subsets a distractor (uniform over the other
     * emotions), segments cut as usual, each showing the true emotion in the carrier modality (all
     * three when consistent) at full intensity and the distractor in the others at
     * {@link ConflictDesign#distractorIntensity()}; conflict segments are discord (D) segments,
     * consistent ones no-shift (N). Hesitation cues follow the design's D and non-D rates.
     *
     * @throws IllegalStateException when this planner has no conflict design
     */
    public ClipPlan plan(String clipId, SubjectProfile subject, double seconds, SplittableRandom rng, ConflictSubset subset) {
        if (conflict == null) {
            throw new IllegalStateException("clip " + clipId + ": subset " + subset.key()
                    + " given to a planner without a conflict design; set synth.conflict");
        }
        Emotion truth = EMOTIONS[rng.nextInt(EMOTIONS.length)];
        Emotion distractor = subset == ConflictSubset.CONSISTENT ? null : otherThan(truth, rng);
        List<double[]> spans = cut(seconds, rng);
        List<SegmentPlan> segments = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            segments.add(conflictSegment(i, spans.get(i), truth, subset, distractor, rng));
        }
        return finish(clipId, subject, seconds, truth, segments, subset, distractor, rng);
    }

    private ClipPlan finish(String clipId, SubjectProfile subject, double seconds, Emotion base, List<SegmentPlan> segments,
                            ConflictSubset subset, Emotion distractor, SplittableRandom rng) {
        SpeechPlanner speech = new SpeechPlanner(subject);
        List<PlannedWord> words = new ArrayList<>();
        for (SegmentPlan s : segments) {
            speech.plan(s, rng.split(), words);
        }
        List<Double> blinks = new ArrayList<>();
        for (double t = 0.4 + 2.5 * rng.nextDouble(); t < seconds - 0.2; t += 1.8 + 3.2 * rng.nextDouble()) {
            blinks.add(SpeechPlanner.round(t));
        }
        return new ClipPlan(clipId, subject.id(), base, seconds, segments, words, blinks, rng.nextLong(), subset, distractor);
    }

    private SegmentPlan conflictSegment(int index, double[] span, Emotion truth, ConflictSubset subset, Emotion distractor,
                                        SplittableRandom rng) {
        Emotion[] shown = new Emotion[3];
        double[] intensity = new double[3];
        for (int m = 0; m < 3; m++) {
            boolean carries = subset.carries(MODALITIES[m]);
            shown[m] = carries ? truth : distractor;
            intensity[m] = carries ? 1 : conflict.distractorIntensity();
        }
        boolean conflicting = subset != ConflictSubset.CONSISTENT;
        double pCue = conflicting ? design.cueProbabilityInDiscord() : design.cueProbabilityElsewhere();
        Modality cue = rng.nextDouble() < pCue ? MODALITIES[rng.nextInt(3)] : null;
        return new SegmentPlan(index, span[0], span[1], conflicting ? SegmentType.DISCORD : SegmentType.NO_SHIFT,
                shown[0], shown[1], shown[2], cue, intensity[0], intensity[1], intensity[2]);
    }

    private SegmentPlan segment(int index, double[] span, Emotion base, boolean discord, SplittableRandom rng) {
        Emotion other = otherThan(base, rng);
        Emotion face = base;
        Emotion voice = base;
        Emotion words = base;
        SegmentType type;
        if (discord) {
            type = SegmentType.DISCORD;
            int size = rng.nextBoolean() ? 1 : 2;
            int pick = rng.nextInt(3);                      // the single shifted, or the single unshifted, modality
            boolean[] shifted = new boolean[3];
            for (int m = 0; m < 3; m++) {
                shifted[m] = size == 1 ? m == pick : m != pick;
            }
            face = shifted[0] ? other : base;
            voice = shifted[1] ? other : base;
            words = shifted[2] ? other : base;
        } else if (rng.nextBoolean()) {
            type = SegmentType.CONSISTENT_SHIFT;
            face = other;
            voice = other;
            words = other;
        } else {
            type = SegmentType.NO_SHIFT;
        }
        double pCue = discord ? design.cueProbabilityInDiscord() : design.cueProbabilityElsewhere();
        Modality cue = rng.nextDouble() < pCue ? MODALITIES[rng.nextInt(3)] : null;
        return new SegmentPlan(index, span[0], span[1], type, face, voice, words, cue);
    }

    /** Cuts {@code [0, seconds)} into segments of min..max seconds (the remainder joins the last one). */
    private List<double[]> cut(double seconds, SplittableRandom rng) {
        List<double[]> spans = new ArrayList<>();
        double t = 0;
        double min = design.minSegmentSeconds();
        double max = design.maxSegmentSeconds();
        while (seconds - t >= min) {
            double d = min + (max - min) * rng.nextDouble();
            double end = SpeechPlanner.round(Math.min(seconds, t + d));
            if (seconds - end < min) {
                end = seconds;                               // too little left for another segment
            }
            spans.add(new double[] {t, end});
            t = end;
        }
        if (spans.isEmpty()) {
            spans.add(new double[] {0, seconds});
        }
        return spans;
    }

    private static Emotion otherThan(Emotion base, SplittableRandom rng) {
        int k = rng.nextInt(EMOTIONS.length - 1);
        return EMOTIONS[k >= base.ordinal() ? k + 1 : k];
    }
}
