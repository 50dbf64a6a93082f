package org.mer4j.train.optim;

import ai.djl.ndarray.NDArray;

/**
 * AdamW (Loshchilov &amp; Hutter 2019, "Decoupled Weight Decay Regularization", ICLR): the weight decay
 * is applied to the weight, scaled by the learning rate, instead of being added to the gradient, as
 * PyTorch's {@code torch.optim.AdamW}:
 * <pre>
 * w *= 1 - lr * wd
 * then the {@link Adam} step on the raw gradient
 * </pre>
 */
public final class AdamW extends StatefulOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;

    /**
     * @param schedule the learning rate of each step
     * @param beta1 first-moment decay in (0, 1), e.g. 0.9
     * @param beta2 second-moment decay in (0, 1), e.g. 0.999
     * @param epsilon denominator constant &gt; 0, e.g. 1e-8
     * @param weightDecay decoupled decay coefficient &gt;= 0, e.g. 1e-2
     */
    public AdamW(LearningRateSchedule schedule, double beta1, double beta2, double epsilon, double weightDecay) {
        super("adamw", schedule);
        Adam.checkConstants(beta1, beta2, epsilon, weightDecay);
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
        if (weightDecay > 0) {
            weight.muli((float) (1 - lr * weightDecay));
        }
        Adam.step(weight, grad, buffers[0], buffers[1], t, lr, beta1, beta2, epsilon);
    }
}
