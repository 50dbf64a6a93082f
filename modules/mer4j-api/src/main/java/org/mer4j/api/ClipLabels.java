package org.mer4j.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ground truth of one clip ({@code mer4j-manifest/2}). Any field may be absent (null) when a corpus
 * does not annotate it; tasks read the fields they need and skip clips without them.
 *
 * @param emotion clip-level categorical emotion (e.g. neutral, happy, sad, angry)
 * @param emotionDistribution soft emotion label: class name to annotator votes or probability
 *     (normalised by the emotion task), or null
 * @param ahSegments time segments annotated as ambivalence/hesitancy (A/H); empty means none
 * @param ahVideo video-level A/H label (JSON true/false or 0/1, see {@link StrictBooleanDeserializer});
 *     when null it is derived as "has at least one A/H segment"
 * @param inconsistent clip-level cross-modal emotional inconsistency flag (true/false or 0/1); when
 *     null it is derived from {@code inconsistentSegments} when those are given
 * @param inconsistentSegments time segments where the modalities disagree; null means not annotated
 *     at segment level, empty means none
 * @param dimensions clip-level continuous labels by name (e.g. {@code valence}, {@code arousal}), or null
 * @param traces time-series labels (e.g. a valence trace), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClipLabels(String emotion, Map<String, Double> emotionDistribution, List<TimeSegment> ahSegments,
                         @JsonDeserialize(using = StrictBooleanDeserializer.class) Boolean ahVideo,
                         @JsonDeserialize(using = StrictBooleanDeserializer.class) Boolean inconsistent,
                         List<TimeSegment> inconsistentSegments, Map<String, Double> dimensions, LabelTraces traces) {
    public ClipLabels {
        ahSegments = ahSegments == null ? List.of() : List.copyOf(ahSegments);
        inconsistentSegments = inconsistentSegments == null ? null : List.copyOf(inconsistentSegments);
        emotionDistribution = emotionDistribution == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(emotionDistribution));
        dimensions = dimensions == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }

    /** The {@code mer4j-manifest/1} labels: emotion, A/H segments, video A/H, inconsistency flag. */
    public ClipLabels(String emotion, List<TimeSegment> ahSegments, Boolean ahVideo, Boolean inconsistent) {
        this(emotion, null, ahSegments, ahVideo, inconsistent, null, null, null);
    }

    /** No labels at all. */
    public static ClipLabels none() {
        return new ClipLabels(null, null, null, null, null, null, null, null);
    }

    /** These labels with another clip emotion (and no soft emotion label). */
    public ClipLabels withEmotion(String newEmotion) {
        return new ClipLabels(newEmotion, null, ahSegments, ahVideo, inconsistent, inconsistentSegments, dimensions, traces);
    }

    /** These labels with other A/H segments and video label. */
    public ClipLabels withAh(List<TimeSegment> segments, Boolean video) {
        return new ClipLabels(emotion, emotionDistribution, segments, video, inconsistent, inconsistentSegments, dimensions, traces);
    }

    /** These labels with other inconsistency segments and clip flag. */
    public ClipLabels withInconsistency(List<TimeSegment> segments, Boolean clip) {
        return new ClipLabels(emotion, emotionDistribution, ahSegments, ahVideo, clip, segments, dimensions, traces);
    }

    /** The video-level A/H label, explicit or derived from the segments. */
    public boolean ahVideoLabel() {
        return ahVideo != null ? ahVideo : !ahSegments.isEmpty();
    }

    /** Frame-level A/H label at time {@code t} seconds. */
    public boolean ahAt(double t) {
        return inside(ahSegments, t);
    }

    /** The clip-level inconsistency label, explicit or derived from the segments; null when unannotated. */
    public Boolean inconsistentLabel() {
        if (inconsistent != null) {
            return inconsistent;
        }
        return inconsistentSegments == null ? null : !inconsistentSegments.isEmpty();
    }

    /** Frame-level inconsistency label at time {@code t}; null when not annotated at segment level. */
    public Boolean inconsistentAt(double t) {
        return inconsistentSegments == null ? null : inside(inconsistentSegments, t);
    }

    /** The clip-level value of dimension {@code name}, or null. */
    public Double dimension(String name) {
        return dimensions == null ? null : dimensions.get(name);
    }

    private static boolean inside(List<TimeSegment> segments, double t) {
        for (TimeSegment s : segments) {
            if (s.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
