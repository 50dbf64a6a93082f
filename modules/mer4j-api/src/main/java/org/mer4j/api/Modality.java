package org.mer4j.api;

import java.util.Locale;

/** The three streams mer4j reads from a talking-person video. */
public enum Modality {
    VIDEO, AUDIO, TEXT;

    /** Lower-case name as written in configs and file names. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config value ("video", "audio", "text"), naming the known values when it fails. */
    public static Modality parse(String value) {
        for (Modality m : values()) {
            if (m.key().equalsIgnoreCase(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown modality '" + value + "'; expected one of video, audio, text");
    }
}
