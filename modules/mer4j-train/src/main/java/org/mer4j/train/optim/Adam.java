package org.mer4j.train.optim;

import ai.djl.ndarray.NDArray;

/**
 * Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization", ICLR) with bias
 * correction and L2 weight decay added to the gradient, as PyTorch's {@code torch.optim.Adam}
 * (and DJL's Adam):
 * <pre>
 * g = grad + wd * w
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g^2
 * w -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)
 * </pre>
 * with {@code t} the parameter's 1-based update count. With {@code decoupled} this is AdamW
 * (Loshchilov &amp; Hutter 2019, "Decoupled Weight Decay Regularization", ICLR), as PyTorch's
 * {@code torch.optim.AdamW}: {@code w *= 1 - lr * wd}, then the step above on the raw gradient.
 */
public final class Adam extends StatefulOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final boolean decoupled;

    /**
     * @param schedule the learning rate of each step
     * @param beta1 first-moment decay in (0, 1), e.g. 0.9
     * @param beta2 second-moment decay in (0, 1), e.g. 0.999
     * @param epsilon denominator constant &gt; 0, e.g. 1e-8
     * @param weightDecay weight-decay coefficient &gt;= 0: L2 on the gradient, or decoupled
     * @param decoupled AdamW's decoupled weight decay instead of L2
     */
    public Adam(LearningRateSchedule schedule, double beta1, double beta2, double epsilon, double weightDecay, boolean decoupled) {
        super(decoupled ? "adamw" : "adam", schedule);
        this.decoupled = decoupled;
        checkConstants(beta1, beta2, epsilon, weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    @Override
    protected int bufferCount() {
        return 2;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] buffers, long t, double lr) {
        NDArray g = grad;
        if (weightDecay > 0 && decoupled) {
            weight.muli(stepConstant(weight, (float) (1 - lr * weightDecay)));
        } else if (weightDecay > 0) {
            g = grad.add(weight.mul(constant(weight, (float) weightDecay)));
        }
        step(weight, g, buffers[0], buffers[1], t, lr);
    }

    /**
     * The bias-corrected Adam step on {@code weight} given the effective gradient {@code g} (temporaries: the caller's scope).
     * Each constant is the 0-d tensor DJL's {@code Number} overloads would make ({@link #constant}, {@link #stepConstant}).
     */
    private void step(NDArray weight, NDArray g, NDArray m, NDArray v, long t, double lr) {
        m.muli(constant(m, (float) beta1)).addi(g.mul(constant(m, (float) (1 - beta1))));
        v.muli(constant(v, (float) beta2)).addi(g.mul(g).muli(constant(v, (float) (1 - beta2))));
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double correction2 = Math.sqrt(1 - Math.pow(beta2, t));
        NDArray denominator = v.sqrt().divi(stepConstant(v, (float) correction2)).addi(constant(v, (float) epsilon));
        weight.subi(m.div(denominator).muli(stepConstant(m, (float) stepSize)));
    }

    private static void checkConstants(double beta1, double beta2, double epsilon, double weightDecay) {
        if (!(beta1 > 0 && beta1 < 1) || !(beta2 > 0 && beta2 < 1) || !(epsilon > 0) || !(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("Adam needs beta1, beta2 in (0, 1), epsilon > 0 and weight decay in [0, 1), got "
                    + beta1 + ", " + beta2 + ", " + epsilon + ", " + weightDecay);
        }
    }
}
