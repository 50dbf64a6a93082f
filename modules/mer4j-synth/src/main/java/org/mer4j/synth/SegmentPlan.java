package org.mer4j.synth;

import org.mer4j.api.Modality;
import org.mer4j.api.TimeSegment;

/**
 * One planned stretch of a clip: which emotion each modality shows and which modality (if any)
 * carries a hesitation cue.
 *
 * @param index position in the clip, from 0
 * @param start start in seconds (millisecond-rounded)
 * @param end end in seconds, exclusive
 * @param type no shift, consistent shift or discord (A/H)
 * @param face emotion the rendered face shows
 * @param voice emotion the voice prosody shows
 * @param words emotion the spoken words carry
 * @param hesitationCue the single modality carrying a hesitation cue, or null for none
 */
public record SegmentPlan(int index, double start, double end, SegmentType type, Emotion face, Emotion voice,
                          Emotion words, Modality hesitationCue) {
    public SegmentPlan {
        if (!(end > start) || start < 0) {
            throw new IllegalArgumentException("segment " + index + " needs 0 <= start < end, got [" + start + ", " + end + ")");
        }
        if (face == null || voice == null || words == null || type == null) {
            throw new IllegalArgumentException("segment " + index + " needs a type and face, voice and words emotions");
        }
    }

    /** The emotion shown by {@code m}: VIDEO = face, AUDIO = voice, TEXT = words. */
    public Emotion emotionOf(Modality m) {
        return switch (m) {
            case VIDEO -> face;
            case AUDIO -> voice;
            case TEXT -> words;
        };
    }

    /** Whether time {@code t} (seconds) lies in {@code [start, end)}. */
    public boolean contains(double t) {
        return t >= start && t < end;
    }

    /**
     * The valence this segment expresses: the mean of the face, voice and words emotions' circumplex
     * prototypes ({@link Emotion#valence()}), so each modality carries a third of it. Not rounded.
     */
    public double expressedValence() {
        return (face.valence() + voice.valence() + words.valence()) / 3;
    }

    /** The arousal this segment expresses: the mean of the three modalities' prototypes, not rounded. */
    public double expressedArousal() {
        return (face.arousal() + voice.arousal() + words.arousal()) / 3;
    }

    /** Whether the three modalities show different emotions (true exactly for discord segments). */
    public boolean modalitiesDisagree() {
        return face != voice || voice != words;
    }

    public double duration() {
        return end - start;
    }

    /** The segment as an API time segment. */
    public TimeSegment span() {
        return new TimeSegment(start, end);
    }
}
