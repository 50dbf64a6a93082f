package org.mer4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/** Clipping of the global gradient norm (Pascanu et al. 2013), as PyTorch's {@code clip_grad_norm_}. */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * Scales every gradient of {@code block} in place by {@code maxNorm / (norm + 1e-6)} when the L2
     * norm over all gradients exceeds {@code maxNorm}.
     *
     * @return the norm before clipping
     */
    public static double clipGlobalNorm(Block block, double maxNorm) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            List<NDArray> grads = new ArrayList<>();
            double sum = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray w = p.getValue().getArray();
                if (w == null || !w.hasGradient()) {
                    continue;
                }
                NDArray g = w.getGradient();
                grads.add(g);
                sum += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sum);
            if (norm > maxNorm) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (NDArray g : grads) {
                    g.muli(scale);
                }
            }
            return norm;
        }
    }
}
