package org.mer4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clipping of the global gradient L2 norm (Pascanu et al. 2013, "On the difficulty of training
 * recurrent neural networks"), as PyTorch's {@code clip_grad_norm_}. Call it between the backward
 * pass and {@code Trainer.step()}.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** {@link #clipGlobalNorm(ParameterList, double)} over the parameters of {@code block}. */
    public static double clipGlobalNorm(Block block, double maxNorm) {
        return clipGlobalNorm(block.getParameters(), maxNorm);
    }

    /**
     * Computes the L2 norm over the gradients of all {@code parameters} together (skipping
     * parameters that are not initialised, are frozen or have no gradient; a parameter listed twice
     * counts once) and, when it exceeds {@code maxNorm}, scales every gradient in place by
     * {@code maxNorm / (norm + 1e-6)}.
     *
     * @param parameters e.g. {@code block.getParameters()}
     * @param maxNorm the largest norm allowed, &gt; 0 ({@code train.clipGradNorm})
     * @return the norm before clipping (NaN or infinite if a gradient is; then nothing is scaled
     *     for NaN, and an infinite norm scales every gradient by 0)
     */
    public static double clipGlobalNorm(ParameterList parameters, double maxNorm) {
        if (!(maxNorm > 0 && maxNorm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("train.clipGradNorm must be > 0 to clip, got " + maxNorm + "; use e.g. 1.0");
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            List<NDArray> gradients = gradients(parameters);
            double sumOfSquares = 0;
            for (NDArray g : gradients) {
                sumOfSquares += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sumOfSquares);
            if (norm > maxNorm) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (NDArray g : gradients) {
                    g.muli(scale);
                }
            }
            return norm;
        }
    }

    /** The global gradient L2 norm of {@code block}'s parameters, without clipping. */
    public static double globalNorm(Block block) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            double sumOfSquares = 0;
            for (NDArray g : gradients(block.getParameters())) {
                sumOfSquares += g.square().sum().getFloat();
            }
            return Math.sqrt(sumOfSquares);
        }
    }

    /** Views of the gradients (registered in the caller's scope, which closes the views, not the gradients). */
    private static List<NDArray> gradients(ParameterList parameters) {
        Map<Parameter, Boolean> seen = new IdentityHashMap<>();
        List<NDArray> gradients = new ArrayList<>();
        for (Pair<String, Parameter> p : parameters) {
            Parameter parameter = p.getValue();
            if (seen.put(parameter, Boolean.TRUE) != null || !parameter.isInitialized() || !parameter.requiresGradient()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            if (weight.hasGradient()) {
                gradients.add(weight.getGradient());
            }
        }
        return gradients;
    }
}
