package org.mer4j.vision.pipeline;

/** Why a frame has no face (its track mask is false). */
public enum NoFaceReason {
    /** The detector ran on this frame and found nothing (or no track was alive to carry over). */
    NO_DETECTION("no-detection"),
    /** Between detections the tracker lost the face (too few points followed, or it left the frame). */
    LOST_TRACK("lost-track"),
    /** The detector found faces, but all scored below {@code minScore}. */
    LOW_SCORE("low-score");

    private final String label;

    NoFaceReason(String label) {
        this.label = label;
    }

    /** The reason as logged and counted, e.g. {@code lost-track}. */
    public String label() {
        return label;
    }
}
