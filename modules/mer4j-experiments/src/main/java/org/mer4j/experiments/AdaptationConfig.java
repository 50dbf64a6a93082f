package org.mer4j.experiments;

import java.util.List;

/**
 * How a row adapts to the target subject under the {@code personalisation} protocol
 * ({@code rows[].adaptation}); the three settings of the BAH paper's subject-based adaptation
 * (Belharbi et al. 2025), see {@link SubjectAdaptation}.
 *
 * @param method {@code source-only} (the model trained on the source subjects is applied as is),
 *     {@code target-norm} (the target's test clips are standardised with the statistics of its own
 *     unlabelled adaptation clips instead of the source's, the input-space analogue of AdaBN; Li et al.,
 *     "Revisiting Batch Normalization For Practical Domain Adaptation", ICLR-W 2017) or
 *     {@code self-training} (the source model labels the target's adaptation clips; those it is
 *     confident on join the training set and the model is trained again; Lee, "Pseudo-Label", ICML-W 2013)
 * @param minConfidence self-training: a target clip joins only when every task's confidence reaches
 *     this (default 0.8; a class task's confidence is its top probability, a binary event's the mean
 *     over steps of {@code max(p, 1 - p)}, which is never below 0.5)
 * @param rounds self-training: how many times the labelling and retraining are repeated (default 1)
 */
public record AdaptationConfig(String method, double minConfidence, int rounds) {
    /** The methods, in report order. */
    public static final List<String> METHODS = List.of("source-only", "target-norm", "self-training");
    /** No adaptation. */
    public static final AdaptationConfig SOURCE_ONLY = new AdaptationConfig("source-only", 0, 0);

    public AdaptationConfig {
        method = method == null ? "source-only" : method;
        minConfidence = minConfidence == 0 ? 0.8 : minConfidence;
        rounds = rounds == 0 ? 1 : rounds;
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("rows[].adaptation.method must be one of " + METHODS + ", got '" + method + "'");
        }
        if (!(minConfidence > 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("rows[].adaptation.minConfidence must be in (0, 1], got " + minConfidence);
        }
        if (rounds < 1 || rounds > 10) {
            throw new IllegalArgumentException("rows[].adaptation.rounds must be 1..10, got " + rounds);
        }
    }
}
