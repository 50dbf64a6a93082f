package org.mer4j.synth;

import java.util.ArrayList;
import java.util.List;
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
 * @param baseEmotion the clip's emotion label
 * @param seconds clip duration
 * @param segments contiguous segments covering {@code [0, seconds)}
 * @param words spoken words in time order
 * @param blinks blink onset times in seconds
 * @param renderSeed seed for head motion and consonant noise
 */
public record ClipPlan(String clipId, String subject, Emotion baseEmotion, double seconds, List<SegmentPlan> segments,
                       List<PlannedWord> words, List<Double> blinks, long renderSeed) {
    public ClipPlan {
        segments = List.copyOf(segments);
        words = List.copyOf(words);
        blinks = List.copyOf(blinks);
    }

    /** The A/H segments: discord segments, adjacent ones merged. */
    public List<TimeSegment> ahSegments() {
        return merged(s -> s.type() == SegmentType.DISCORD);
    }

    /**
     * The inconsistency segments: segments whose face, voice and words emotions differ, adjacent
     * ones merged. In this corpus the modalities disagree exactly in the discord segments, so these
     * are the same stretches as {@link #ahSegments()}.
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
