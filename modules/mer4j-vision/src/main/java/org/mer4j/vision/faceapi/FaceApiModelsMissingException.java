package org.mer4j.vision.faceapi;

/**
 * Thrown when the face-api weights are not installed where {@link FaceApiModels} looks for them.
 * Callers that can do without (the face pipeline falls back to the Haar detector) catch this.
 */
public class FaceApiModelsMissingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public FaceApiModelsMissingException(String message) {
        super(message);
    }
}
