package org.mer4j.train.classical;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;

/**
 * Settings of a {@code classifier: {type: linear-svm, ...}} row ({@link LinearSvmRow}).
 *
 * @param C the grid of LIBLINEAR cost values; each is trained on the fold's training subjects and
 *     scored on its validation subjects, and the best is kept (default {@code [1e-4, 1e-3, 1e-2, 1e-1, 1]},
 *     the grid of the ComParE/INTERSPEECH challenge baselines, Schuller et al.). A single value needs
 *     no validation subjects
 * @param classWeight {@code none} (default) or {@code balanced}: each class's cost is multiplied by
 *     the inverse of its frequency in the clips the model is fitted on, normalised to mean 1 over the
 *     classes present (the same weights as the emotion task's {@code classWeights: balanced}); the
 *     usual choice when the table reports unweighted average recall
 * @param solver {@code svc} (default): L2-regularised L2-loss support vector classification solved in
 *     the dual (LIBLINEAR {@code -s 1}, one-vs-rest); {@code logistic}: L2-regularised logistic
 *     regression (LIBLINEAR {@code -s 0}, one-vs-rest, with probabilities)
 * @param refit {@code train+val} (default): after C is chosen, the model is fitted again on the
 *     training and validation subjects together, as the challenge baselines do once C is fixed on
 *     the development set; {@code train}: the model fitted on the training subjects for the chosen C
 *     is kept
 * @param tolerance LIBLINEAR's stopping tolerance {@code -e} (default 0.01)
 * @param maxIterations the iteration limit of LIBLINEAR's Newton solvers (default 1000): logistic
 *     regression's, and that of the primal L2-loss SVC ({@code -s 2}) that LIBLINEAR switches to when
 *     the dual solver stops at its own fixed limit of 300 iterations; both are counted in the run's
 *     {@code log.txt}
 */
public record LinearSvmConfig(@JsonProperty("C") List<Double> C, String classWeight, String solver, String refit, double tolerance,
                              int maxIterations) {
    /** The default C grid. */
    public static final List<Double> DEFAULT_GRID = List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0);

    public LinearSvmConfig {
        C = C == null ? DEFAULT_GRID : List.copyOf(C);
        if (C.isEmpty() || C.stream().anyMatch(c -> !(c > 0) || c.isInfinite()) || new HashSet<>(C).size() != C.size()) {
            throw new IllegalArgumentException("classifier.C must list distinct positive cost values, e.g. C: [0.0001, 0.001, 0.01, 0.1, 1],"
                    + " got " + C);
        }
        classWeight = classWeight == null ? "none" : classWeight;
        if (!List.of("none", "balanced").contains(classWeight)) {
            throw new IllegalArgumentException("classifier.classWeight must be none or balanced, got '" + classWeight + "'");
        }
        solver = solver == null ? "svc" : solver;
        if (!List.of("svc", "logistic").contains(solver)) {
            throw new IllegalArgumentException("classifier.solver must be svc (L2-regularised L2-loss SVC, dual) or logistic"
                    + " (L2-regularised logistic regression), got '" + solver + "'");
        }
        refit = refit == null ? "train+val" : refit;
        if (!List.of("train+val", "train").contains(refit)) {
            throw new IllegalArgumentException("classifier.refit must be train+val or train, got '" + refit + "'");
        }
        tolerance = tolerance == 0 ? 0.01 : tolerance;
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("classifier.tolerance must be > 0, got " + tolerance + "; use e.g. 0.01");
        }
        maxIterations = maxIterations == 0 ? 1000 : maxIterations;
        if (maxIterations < 1) {
            throw new IllegalArgumentException("classifier.maxIterations must be >= 1, got " + maxIterations);
        }
    }

    /** The defaults listed above. */
    public static LinearSvmConfig defaults() {
        return new LinearSvmConfig(null, null, null, null, 0, 0);
    }
}
