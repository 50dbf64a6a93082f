package org.mer4j.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;

/**
 * One recording in a {@link Manifest}. Media paths are relative to the manifest's data root so a
 * corpus can move between machines.
 *
 * @param id unique clip identifier
 * @param subject participant identifier; splits never put one subject on both sides
 * @param video video file (may also carry the audio track), relative to the data root; may be null
 * @param audio separate audio file relative to the data root; null means "use the video's audio track"
 * @param transcript timed word transcript (CSV {@code start;end;word;confidence}, milliseconds), relative; may be null
 * @param labels ground truth
 * @param split optional fixed split name ({@code train}, {@code val}, {@code test}); null when protocols decide
 * @param metadata optional descriptive fields a corpus documents (e.g. {@code gender}, {@code text});
 *     never used as labels unless a config says so
 * @param duration optional clip length in seconds; when given, label segments and traces must lie inside it
 */
public record Clip(String id, String subject, String video, String audio, String transcript, ClipLabels labels, String split,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> metadata,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Double duration) {
    public Clip {
        Objects.requireNonNull(id, "clip id");
        labels = labels == null ? ClipLabels.none() : labels;
        // sorted, so a manifest written twice lists the keys in the same order
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata));
    }

    /** A clip without a declared duration. */
    public Clip(String id, String subject, String video, String audio, String transcript, ClipLabels labels, String split,
                Map<String, String> metadata) {
        this(id, subject, video, audio, transcript, labels, split, metadata, null);
    }

    /** A clip without metadata. */
    public Clip(String id, String subject, String video, String audio, String transcript, ClipLabels labels, String split) {
        this(id, subject, video, audio, transcript, labels, split, null, null);
    }

    /** This clip with other labels. */
    public Clip withLabels(ClipLabels newLabels) {
        return new Clip(id, subject, video, audio, transcript, newLabels, split, metadata, duration);
    }

    /** The path of the file that carries the audio: the separate audio file, else the video. */
    public String audioSource() {
        return audio != null ? audio : video;
    }
}
