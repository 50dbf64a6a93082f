package org.mer4j.models.fusion;

import java.util.List;

/**
 * Configuration of {@link PooledMlpProvider} ({@code fusion: {type: pooled-mlp, ...}}).
 *
 * @param hidden widths of the hidden layers; empty makes the model linear (multinomial logistic
 *     regression on the features), default {@code [64]}
 * @param dropout dropout after each hidden layer, in [0, 1) (default 0.2)
 */
public record PooledMlpConfig(List<Integer> hidden, float dropout) {
    public PooledMlpConfig {
        hidden = hidden == null ? List.of(64) : List.copyOf(hidden);
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("fusion.hidden: layer widths must be >= 1, got " + hidden + "; use [] for a linear model");
            }
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("fusion.dropout must be in [0, 1), got " + dropout);
        }
    }

    /** The defaults listed above. */
    public static PooledMlpConfig defaults() {
        return new PooledMlpConfig(List.of(64), 0.2f);
    }
}
