package org.mer4j.api;

/**
 * A clip cannot be processed (unreadable file, no audio stream, no face...). Runs catch it, skip
 * the clip, count it under {@link #reason()} and go on.
 */
public class ClipFailedException extends Exception {
    private final String clipId;
    private final String reason;

    /**
     * @param clipId the clip
     * @param reason a short machine-friendly reason ("unreadable-media", "no-audio", "no-face", ...)
     * @param message what happened and what to do
     */
    public ClipFailedException(String clipId, String reason, String message) {
        super("clip " + clipId + ": " + message);
        this.clipId = clipId;
        this.reason = reason;
    }

    public ClipFailedException(String clipId, String reason, String message, Throwable cause) {
        super("clip " + clipId + ": " + message, cause);
        this.clipId = clipId;
        this.reason = reason;
    }

    public String clipId() {
        return clipId;
    }

    public String reason() {
        return reason;
    }
}
