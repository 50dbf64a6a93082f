package org.mer4j.synth;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Emotion-conflict subsets for the synthetic corpus, after CA-MER: Han, Zhu, Xu, Song &amp; Yang
 * (2025), "Benchmarking and Bridging Emotion Conflicts for Multimodal Emotion Reasoning", ACM
 * Multimedia 2025, arXiv:2508.01181. CA-MER groups real clips into subsets where only the video,
 * only the audio, or all modalities reflect the annotated (true) emotion, and shows that emotion
 * models lean on one modality (there: audio) when the modalities conflict. Set
 * {@link SynthConfig#conflict()} to switch this design on; null (the default) leaves the corpus
 * exactly as without it.
 *
 * <p>With the design on, every clip belongs to one {@link ConflictSubset}, dealt per subject in the
 * given shares ({@link #deal}). The clip's true emotion (drawn uniformly, as the base emotion is
 * otherwise) is its {@code emotion} label. In a {@link ConflictSubset#CONSISTENT consistent} clip
 * face, voice and words show the true emotion throughout. In a {@code video}, {@code audio} or
 * {@code text} clip only that modality (the carrier) shows it, at full intensity, and the two other
 * modalities show one distractor emotion (uniform over the three other emotions) at
 * {@link #distractorIntensity()} of it, for the whole clip. Intensity is rendered in each modality
 * the way the subject's expressiveness already is: the face moves that fraction of the way from
 * neutral to the emotion's prototype ({@link FaceParams#of(Emotion, double, double)}), the voice's
 * pitch, range, contour, loudness and rate offsets from neutral speech are scaled by it (so a half
 * as large F0 shift; {@link ProsodyStyle#of(Emotion, SubjectProfile, double)}), and that fraction of
 * the content words are emotion words, the rest neutral ones ({@link Vocabulary#nextWord(Emotion,
 * double, SplittableRandom)}). Neutral has no intensity: a neutral distractor is the neutral face,
 * voice and words. The valence/arousal labels scale each modality's prototype by its intensity.
 *
 * <p>How this differs from CA-MER: CA-MER is an evaluation benchmark of real, annotated clips with
 * three subsets (video-aligned, audio-aligned, consistent); whatever the other modalities show is
 * what the person showed. Here the conflict is constructed and learnable: a fourth, text, subset is
 * added; both non-carrier modalities show the same single distractor, so in every conflict clip a
 * majority vote of the modalities is wrong and the true emotion is the odd one out; and the
 * distractor is expressed more weakly than the carrier, so the true feeling is the one that shows
 * clearly in one channel (set {@code distractorIntensity} to 1 to remove that cue). The per-segment
 * discord design ({@link LabelDesignConfig#cleanClipProbability()},
 * {@link LabelDesignConfig#discordProbability()}) is replaced: consistent clips have only no-shift
 * segments, conflict clips only discord segments, so a conflict clip's A/H and inconsistency
 * segments cover the whole clip (the modalities differ at every step) and a consistent clip has
 * none. Segment lengths and hesitation cues follow the {@link LabelDesignConfig} as before.
 *
 * @param consistentShare share of clips where all modalities show the true emotion (default 0.4)
 * @param videoShare share of clips where only the face shows it (default 0.2)
 * @param audioShare share of clips where only the voice shows it (default 0.2)
 * @param textShare share of clips where only the words show it (default 0.2)
 * @param distractorIntensity intensity of the distractor relative to the carrier's 1.0, in (0, 1] (default 0.5)
 */
public record ConflictDesign(double consistentShare, double videoShare, double audioShare, double textShare,
                             double distractorIntensity) {
    private static final double SUM_TOLERANCE = 1e-6;

    public ConflictDesign {
        share("consistentShare", consistentShare);
        share("videoShare", videoShare);
        share("audioShare", audioShare);
        share("textShare", textShare);
        double sum = consistentShare + videoShare + audioShare + textShare;
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("synth.conflict shares must sum to 1: consistentShare + videoShare + audioShare + textShare = "
                    + consistentShare + " + " + videoShare + " + " + audioShare + " + " + textShare + " = " + Math.round(sum * 1e6) / 1e6
                    + "; e.g. 0.4, 0.2, 0.2, 0.2");
        }
        if (!(distractorIntensity > 0 && distractorIntensity <= 1)) {
            throw new IllegalArgumentException("synth.conflict.distractorIntensity must be in (0, 1] (relative to the carrier's 1.0), got "
                    + distractorIntensity + "; e.g. 0.5");
        }
    }

    /** The default design: 40% consistent, 20% each of video, audio and text, distractor at half intensity. */
    public static ConflictDesign defaults() {
        return new ConflictDesign(0.4, 0.2, 0.2, 0.2, 0.5);
    }

    /** The share of {@code subset}. */
    public double share(ConflictSubset subset) {
        return switch (subset) {
            case CONSISTENT -> consistentShare;
            case VIDEO -> videoShare;
            case AUDIO -> audioShare;
            case TEXT -> textShare;
        };
    }

    /**
     * The subsets of one subject's {@code clips} clips, in clip order. Each subset gets
     * {@code floor(clips * share)} clips; the clips left over go to subsets by systematic sampling
     * of the fractional parts (one uniform draw), so each subset gets its exact expected count
     * {@code clips * share} on average and every subject is within one clip of it; the list is then
     * shuffled. Deterministic in {@code rng}.
     */
    public List<ConflictSubset> deal(int clips, SplittableRandom rng) {
        ConflictSubset[] all = ConflictSubset.values();
        int[] count = new int[all.length];
        double[] rest = new double[all.length];
        double total = consistentShare + videoShare + audioShare + textShare;   // 1 within SUM_TOLERANCE
        int dealt = 0;
        double restSum = 0;
        for (int i = 0; i < all.length; i++) {
            double quota = clips * share(all[i]) / total;
            count[i] = (int) Math.floor(quota + 1e-9);
            rest[i] = Math.max(0, quota - count[i]);
            dealt += count[i];
            restSum += rest[i];
        }
        int extra = clips - dealt;
        if (extra > 0) {
            double step = restSum / extra;
            double next = rng.nextDouble() * step;
            double cumulative = 0;
            int given = 0;
            for (int i = 0; i < all.length && given < extra; i++) {
                cumulative += rest[i];
                if (given < extra && next < cumulative) {   // rest[i] < 1 <= step: at most one extra per subset
                    count[i]++;
                    given++;
                    next += step;
                }
            }
            for (int i = all.length - 1; i >= 0 && given < extra; i--) {   // rounding left a point past the end
                if (rest[i] > 0) {
                    count[i]++;
                    given++;
                }
            }
        }
        List<ConflictSubset> deck = new ArrayList<>(clips);
        for (int i = 0; i < all.length; i++) {
            for (int k = 0; k < count[i]; k++) {
                deck.add(all[i]);
            }
        }
        for (int i = deck.size() - 1; i > 0; i--) {             // Fisher-Yates
            int j = rng.nextInt(i + 1);
            ConflictSubset t = deck.get(i);
            deck.set(i, deck.get(j));
            deck.set(j, t);
        }
        return deck;
    }

    /** Clips per subset (every subset listed, in {@link ConflictSubset} order); plans without a subset are not counted. */
    public static Map<String, Integer> counts(List<ClipPlan> plans) {
        Map<ConflictSubset, Integer> n = new EnumMap<>(ConflictSubset.class);
        for (ConflictSubset s : ConflictSubset.values()) {
            n.put(s, 0);
        }
        for (ClipPlan p : plans) {
            if (p.subset() != null) {
                n.merge(p.subset(), 1, Integer::sum);
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        n.forEach((s, c) -> out.put(s.key(), c));
        return out;
    }

    private static void share(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("synth.conflict." + field + " must be a share in [0, 1], got " + v + "; e.g. 0.2");
        }
    }
}
