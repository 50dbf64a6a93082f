package org.mer4j.experiments;

/**
 * How features are z-scored before training.
 *
 * <ul>
 *   <li>{@code global}: one mean/std per feature, fitted on the training subjects of the fold.</li>
 *   <li>{@code subject}: per subject, fitted on all of that subject's clips without labels
 *       ("speaker normalisation", standard in speech emotion recognition since personal baselines of
 *       pitch, loudness and face shape otherwise dominate; test subjects are normalised with their own
 *       unlabelled clips, which is transductive and stated in every run's resolved config).</li>
 * </ul>
 *
 * @param scope {@code global} or {@code subject}
 */
public record NormalizationConfig(String scope) {
    public NormalizationConfig {
        scope = scope == null ? "global" : scope;
        if (!scope.equals("global") && !scope.equals("subject")) {
            throw new IllegalArgumentException("normalization.scope must be global or subject, got '" + scope + "'");
        }
    }

    public static NormalizationConfig defaults() {
        return new NormalizationConfig("global");
    }
}
