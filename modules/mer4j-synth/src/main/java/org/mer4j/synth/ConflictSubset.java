package org.mer4j.synth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.mer4j.api.Modality;

/**
 * The emotion-conflict subset of a clip in a conflict corpus ({@link ConflictDesign}), after the
 * CA-MER subsets of Han, Zhu, Xu, Song &amp; Yang (2025), "Benchmarking and Bridging Emotion
 * Conflicts for Multimodal Emotion Reasoning", ACM MM 2025 (arXiv:2508.01181): in
 * {@link #CONSISTENT} clips every modality shows the clip's true emotion; in the other subsets only
 * the named modality (the <em>carrier</em>) does, and the other two show one distractor emotion.
 * CA-MER has video-aligned, audio-aligned and consistent subsets; {@link #TEXT} is this corpus's
 * addition.
 */
public enum ConflictSubset {
    /** Face, voice and words all show the true emotion. */
    CONSISTENT(null),
    /** Only the face shows the true emotion; voice and words show the distractor. */
    VIDEO(Modality.VIDEO),
    /** Only the voice shows the true emotion; face and words show the distractor. */
    AUDIO(Modality.AUDIO),
    /** Only the words show the true emotion; face and voice show the distractor. */
    TEXT(Modality.TEXT);

    private final Modality carrier;

    ConflictSubset(Modality carrier) {
        this.carrier = carrier;
    }

    /** The single modality that carries the true emotion, or null for {@link #CONSISTENT} (all do). */
    public Modality carrier() {
        return carrier;
    }

    /** Whether {@code m} shows the true emotion in this subset. */
    public boolean carries(Modality m) {
        return carrier == null || carrier == m;
    }

    /** Lower-case name as written in manifests ({@code metadata.subset}) and design files. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a subset name ("video"), naming the known ones when it fails. */
    @JsonCreator
    public static ConflictSubset parse(String value) {
        for (ConflictSubset s : values()) {
            if (s.key().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown conflict subset '" + value + "'; expected one of consistent, video, audio, text");
    }
}
