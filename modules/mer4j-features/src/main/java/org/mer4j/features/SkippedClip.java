package org.mer4j.features;

/**
 * A clip that a stage could not process.
 *
 * @param clipId the clip
 * @param stage where it failed (e.g. "extract:face-hog")
 * @param reason short reason ("unreadable-media", "no-audio-stream", "no-face", "outside-data-root",
 *     "not-a-regular-file", "transcript-too-large", "words-past-end", "truncated-media", "io-error", "error", ...)
 * @param message what happened and what to do
 */
public record SkippedClip(String clipId, String stage, String reason, String message) {
}
