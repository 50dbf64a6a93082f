package org.mer4j.vision.faceapi;

/**
 * Run-time settings of the {@link TinyFaceDetector}, with face-api's defaults.
 *
 * @param inputSize side of the square network input, a multiple of 32 (face-api default 416; 320,
 *     224 or 160 are faster and find fewer small faces)
 * @param scoreThreshold boxes scoring at or below this are dropped before NMS (default 0.5)
 * @param iouThreshold NMS overlap above which the lower-scoring box is suppressed (0.4 in face-api)
 */
public record TinyFaceDetectorOptions(int inputSize, double scoreThreshold, double iouThreshold) {
    /** face-api's defaults: 416, 0.5, 0.4. */
    public static final TinyFaceDetectorOptions DEFAULT = new TinyFaceDetectorOptions(416, 0.5, 0.4);

    public TinyFaceDetectorOptions {
        if (inputSize <= 0 || inputSize % 32 != 0) {
            throw new IllegalArgumentException("inputSize must be a positive multiple of 32, got " + inputSize);
        }
        if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
            throw new IllegalArgumentException("scoreThreshold must be in (0, 1), got " + scoreThreshold);
        }
        if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("iouThreshold must be in [0, 1], got " + iouThreshold);
        }
    }

    /** face-api's defaults with another input size. */
    public static TinyFaceDetectorOptions of(int inputSize, double scoreThreshold) {
        return new TinyFaceDetectorOptions(inputSize, scoreThreshold, DEFAULT.iouThreshold());
    }
}
