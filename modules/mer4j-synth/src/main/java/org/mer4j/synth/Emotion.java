package org.mer4j.synth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The four categorical emotions the synthetic corpus expresses (clip labels use {@link #key()}). */
public enum Emotion {
    NEUTRAL, HAPPY, SAD, ANGRY;

    /** Lower-case label as written in manifests and design files. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label ("happy"), naming the known labels when it fails. */
    @JsonCreator
    public static Emotion parse(String value) {
        for (Emotion e : values()) {
            if (e.key().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown emotion '" + value + "'; expected one of neutral, happy, sad, angry");
    }
}
