package org.mer4j.synth;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the three modalities of one segment relate to the clip's base emotion. */
public enum SegmentType {
    /** No shift: face, voice and words all show the base emotion. */
    NO_SHIFT("N"),
    /** Consistent shift: all three show the same other emotion. */
    CONSISTENT_SHIFT("C"),
    /**
     * Discord (the A/H segments): a non-empty proper subset of the modalities shows another emotion
     * (in an emotion-conflict clip, {@link ConflictDesign}: the two modalities that do not carry the
     * true emotion show the distractor).
     */
    DISCORD("D");

    private final String code;

    SegmentType(String code) {
        this.code = code;
    }

    /** One-letter code written in design files. */
    @JsonValue
    public String code() {
        return code;
    }
}
