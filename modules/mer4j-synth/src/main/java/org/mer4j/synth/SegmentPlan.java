package org.mer4j.synth;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.mer4j.api.Modality;
import org.mer4j.api.TimeSegment;

/**
 * One planned stretch of a clip: which emotion each modality shows, how intensely, and which
 * modality (if any) carries a hesitation cue. Intensities are 1 (the full prototype, scaled only
 * by the subject's expressiveness) except for the distractor of an emotion-conflict clip
 * ({@link ConflictDesign}); design files leave out intensities of 1.
 *
 * @param index position in the clip, from 0
 * @param start start in seconds (millisecond-rounded)
 * @param end end in seconds, exclusive
 * @param type no shift, consistent shift or discord (A/H)
 * @param face emotion the rendered face shows
 * @param voice emotion the voice prosody shows
 * @param words emotion the spoken words carry
 * @param hesitationCue the single modality carrying a hesitation cue, or null for none
 * @param faceIntensity how strongly the face shows its emotion, in (0, 1]
 * @param voiceIntensity how strongly the voice shows its emotion, in (0, 1]
 * @param wordsIntensity how strongly the words show their emotion, in (0, 1]
 */
public record SegmentPlan(int index, double start, double end, SegmentType type, Emotion face, Emotion voice,
                          Emotion words, Modality hesitationCue,
                          @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = FullIntensity.class) double faceIntensity,
                          @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = FullIntensity.class) double voiceIntensity,
                          @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = FullIntensity.class) double wordsIntensity) {
    public SegmentPlan {
        if (!(end > start) || start < 0) {
            throw new IllegalArgumentException("segment " + index + " needs 0 <= start < end, got [" + start + ", " + end + ")");
        }
        if (face == null || voice == null || words == null || type == null) {
            throw new IllegalArgumentException("segment " + index + " needs a type and face, voice and words emotions");
        }
        if (!(faceIntensity > 0 && faceIntensity <= 1 && voiceIntensity > 0 && voiceIntensity <= 1
                && wordsIntensity > 0 && wordsIntensity <= 1)) {
            throw new IllegalArgumentException("segment " + index + " needs intensities in (0, 1], got face " + faceIntensity
                    + ", voice " + voiceIntensity + ", words " + wordsIntensity);
        }
    }

    /** A segment whose three modalities show their emotions at full intensity. */
    public SegmentPlan(int index, double start, double end, SegmentType type, Emotion face, Emotion voice,
                       Emotion words, Modality hesitationCue) {
        this(index, start, end, type, face, voice, words, hesitationCue, 1, 1, 1);
    }

    /** The emotion shown by {@code m}: VIDEO = face, AUDIO = voice, TEXT = words. */
    public Emotion emotionOf(Modality m) {
        return switch (m) {
            case VIDEO -> face;
            case AUDIO -> voice;
            case TEXT -> words;
        };
    }

    /** The intensity with which {@code m} shows {@link #emotionOf(Modality)}. */
    public double intensityOf(Modality m) {
        return switch (m) {
            case VIDEO -> faceIntensity;
            case AUDIO -> voiceIntensity;
            case TEXT -> wordsIntensity;
        };
    }

    /** Whether time {@code t} (seconds) lies in {@code [start, end)}. */
    public boolean contains(double t) {
        return t >= start && t < end;
    }

    /**
     * The valence this segment expresses: the mean of the face, voice and words emotions' circumplex
     * prototypes ({@link Emotion#valence()}), each scaled by its intensity (neutral is the origin, so
     * a weaker expression lies nearer it), so each modality carries a third of it. Not rounded.
     */
    public double expressedValence() {
        return (face.valence() * faceIntensity + voice.valence() * voiceIntensity + words.valence() * wordsIntensity) / 3;
    }

    /** The arousal this segment expresses: the mean of the three modalities' intensity-scaled prototypes, not rounded. */
    public double expressedArousal() {
        return (face.arousal() * faceIntensity + voice.arousal() * voiceIntensity + words.arousal() * wordsIntensity) / 3;
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

    /** Jackson filter that leaves intensities of 1 out of design files (so they read as before intensities existed). */
    static final class FullIntensity {
        @Override
        public boolean equals(Object value) {
            return value instanceof Double d && d == 1.0;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }
}
