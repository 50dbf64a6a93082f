package org.mer4j.api;

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
 */
public record Clip(String id, String subject, String video, String audio, String transcript, ClipLabels labels, String split) {
    public Clip {
        Objects.requireNonNull(id, "clip id");
        labels = labels == null ? new ClipLabels(null, null, null, null) : labels;
    }

    /** The path of the file that carries the audio: the separate audio file, else the video. */
    public String audioSource() {
        return audio != null ? audio : video;
    }
}
