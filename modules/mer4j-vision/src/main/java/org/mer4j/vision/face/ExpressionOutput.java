package org.mer4j.vision.face;

import java.util.List;

/**
 * What the expression net says about one face crop.
 *
 * @param probabilities softmax over {@link #CLASSES}
 * @param embedding the penultimate (pooled) feature vector, 256 values for the face-api net
 */
public record ExpressionOutput(float[] probabilities, float[] embedding) {
    /** Class order of the face-api expression net. */
    public static final List<String> CLASSES = List.of("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised");

    public ExpressionOutput {
        if (probabilities.length != CLASSES.size()) {
            throw new IllegalArgumentException("expected " + CLASSES.size() + " class probabilities, got " + probabilities.length);
        }
    }
}
