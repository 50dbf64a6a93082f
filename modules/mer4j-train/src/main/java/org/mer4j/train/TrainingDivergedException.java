package org.mer4j.train;

/**
 * Training produced a non-finite loss. The run cannot give results, but the experiment can go on
 * with its other runs; the message says what to change.
 */
public final class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
