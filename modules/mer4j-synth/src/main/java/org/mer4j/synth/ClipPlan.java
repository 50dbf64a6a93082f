package org.mer4j.synth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.LabelTraces;
import org.mer4j.api.TimeSegment;
import org.mer4j.api.TimedWord;

/**
 * Everything decided about one clip before any pixel or sample is produced: segments with their
 * per-modality emotions and cues, the spoken words with their syllables, blink times and the seed
 * of the rendering noise. Serialised as the clip's {@code design/<clip>.json}.
 *
 * @param clipId clip id
 * @param subject subject id
 * @param baseEmotion the clip's emotion label (in a conflict corpus, the true emotion)
 * @param seconds clip duration
 * @param segments contiguous segments covering {@code [0, seconds)}
 * @param words spoken words in time order
 * @param blinks blink onset times in seconds
 * @param renderSeed seed for head motion and consonant noise
 * @param subset the emotion-conflict subset ({@link ConflictDesign}), or null when the corpus has none
 * @param distractor the emotion the non-carrier modalities show in a conflict clip; null for consistent
 *     clips and corpora without conflict subsets
 */
public record ClipPlan(String clipId, String subject, Emotion baseEmotion, double seconds, List<SegmentPlan> segments,
                       List<PlannedWord> words, List<Double> blinks, long renderSeed,
                       @JsonInclude(JsonInclude.Include.NON_NULL) ConflictSubset subset,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Emotion distractor) {
    public ClipPlan {
        segments = List.copyOf(segments);
        words = List.copyOf(words);
        blinks = List.copyOf(blinks);
        if (subset == null && distractor != null) {
            throw new IllegalArgumentException("clip " + clipId + ": a distractor (" + distractor.key() + ") needs a conflict subset");
        }
        if (subset != null && (subset == ConflictSubset.CONSISTENT) != (distractor == null)) {
            throw new IllegalArgumentException("clip " + clipId + ": subset " + subset.key()
                    + (distractor == null ? " needs a distractor emotion" : " has no distractor, got " + distractor.key()));
        }
        if (distractor != null && distractor == baseEmotion) {
            throw new IllegalArgumentException("clip " + clipId + ": the distractor must differ from the true emotion " + baseEmotion.key());
        }
    }

    /** A clip of a corpus without emotion-conflict subsets. */
    public ClipPlan(String clipId, String subject, Emotion baseEmotion, double seconds, List<SegmentPlan> segments,
                    List<PlannedWord> words, List<Double> blinks, long renderSeed) {
        this(clipId, subject, baseEmotion, seconds, segments, words, blinks, renderSeed, null, null);
    }

    /**
     * The manifest clip metadata: {@code subset} and, in conflict clips, {@code distractor} (emotion
     * keys); empty when the corpus has no conflict subsets.
     */
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        if (subset != null) {
            m.put("subset", subset.key());
        }
        if (distractor != null) {
            m.put("distractor", distractor.key());
        }
        return m;
    }

    /** The A/H segments: discord segments, adjacent ones merged. */
    public List<TimeSegment> ahSegments() {
        return merged(s -> s.type() == SegmentType.DISCORD);
    }

    /**
     * The inconsistency segments: segments whose face, voice and words emotions differ, adjacent
     * ones merged. In this corpus the modalities disagree exactly in the discord segments, so these
     * are the same stretches as {@link #ahSegments()}; in a conflict clip ({@link ConflictDesign})
     * that is the whole clip, in a consistent clip nothing.
     */
    public List<TimeSegment> inconsistentSegments() {
        return merged(SegmentPlan::modalitiesDisagree);
    }

    /** Whether any segment is a discord (A/H) segment. */
    public boolean hasDiscord() {
        return segments.stream().anyMatch(s -> s.type() == SegmentType.DISCORD);
    }

    /** The valence/arousal trace ({@link AffectTrace#of}), loaded, referencing {@code traces/<clip>.csv}. */
    public LabelTraces traces() {
        return AffectTrace.of(this);
    }

    /**
     * Manifest labels: base emotion, A/H segments (video label derived from them), inconsistency
     * flag and segments, clip-level valence/arousal (trace means) and the trace itself.
     */
    public ClipLabels labels() {
        LabelTraces traces = traces();
        return new ClipLabels(baseEmotion.key(), null, ahSegments(), null, hasDiscord(), inconsistentSegments(),
                AffectTrace.means(traces), traces);
    }

    private List<TimeSegment> merged(Predicate<SegmentPlan> keep) {
        List<TimeSegment> out = new ArrayList<>();
        double start = -1;
        double end = -1;
        for (SegmentPlan s : segments) {
            if (!keep.test(s)) {
                continue;
            }
            if (start >= 0 && Math.abs(s.start() - end) < 1e-9) {
                end = s.end();
            } else {
                if (start >= 0) {
                    out.add(new TimeSegment(start, end));
                }
                start = s.start();
                end = s.end();
            }
        }
        if (start >= 0) {
            out.add(new TimeSegment(start, end));
        }
        return out;
    }

    /** The word transcript. */
    public List<TimedWord> transcript() {
        return words.stream().map(PlannedWord::timed).toList();
    }

    /** All syllables in time order. */
    public List<Syllable> syllables() {
        return words.stream().flatMap(w -> w.syllables().stream()).toList();
    }

    /** The segment containing time {@code t}; times past the end map to the last segment. */
    public SegmentPlan segmentAt(double t) {
        for (SegmentPlan s : segments) {
            if (s.contains(t)) {
                return s;
            }
        }
        return segments.get(segments.size() - 1);
    }
}
