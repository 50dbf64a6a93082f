package org.example.mer4j.fusion;

/**
 * Settings of {@link ModalityAverageProvider}, read from a row's {@code fusion:} block over
 * {@link #defaults()} ({@code fusion: {type: modality-average, dModel: 64}}).
 *
 * @param dModel width of every modality's projection and of the fused steps (default 32)
 * @param dropout dropout on the fused steps, in [0,1) (default 0.1)
 */
public record ModalityAverageConfig(int dModel, float dropout) {
    public ModalityAverageConfig {
        if (dModel < 1) {
            throw new IllegalArgumentException("fusion.dModel must be >= 1, got " + dModel);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("fusion.dropout must be in [0,1), got " + dropout);
        }
    }

    /** The defaults listed above. */
    public static ModalityAverageConfig defaults() {
        return new ModalityAverageConfig(32, 0.1f);
    }
}
