package org.mer4j.api;

import java.util.List;

/**
 * Ground truth of one clip. Any field may be absent (null) when a corpus does not annotate it.
 *
 * @param emotion clip-level categorical emotion (e.g. neutral, happy, sad, angry)
 * @param ahSegments time segments annotated as ambivalence/hesitancy (A/H); empty means none
 * @param ahVideo video-level A/H label; when null it is derived as "has at least one A/H segment"
 * @param inconsistent clip-level cross-modal emotional inconsistency flag
 */
public record ClipLabels(String emotion, List<TimeSegment> ahSegments, Boolean ahVideo, Boolean inconsistent) {
    public ClipLabels {
        ahSegments = ahSegments == null ? List.of() : List.copyOf(ahSegments);
    }

    /** The video-level A/H label, explicit or derived from the segments. */
    public boolean ahVideoLabel() {
        return ahVideo != null ? ahVideo : !ahSegments.isEmpty();
    }

    /** Frame-level A/H label at time {@code t} seconds. */
    public boolean ahAt(double t) {
        for (TimeSegment s : ahSegments) {
            if (s.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
