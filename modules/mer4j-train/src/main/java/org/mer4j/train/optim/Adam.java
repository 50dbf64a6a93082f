package org.mer4j.train.optim;

import ai.djl.ndarray.NDArray;

/**
 * Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization") with bias correction as in
 * PyTorch; with {@code decoupled} the weight decay is AdamW's (Loshchilov &amp; Hutter 2019, "Decoupled
 * Weight Decay Regularization": {@code w -= lr * wd * w}), else L2 added to the gradient.
 */
public final class Adam extends StatefulOptimizer {
    private final boolean decoupled;

    Adam(OptimizerSettings settings, LearningRateSchedule schedule, boolean decoupled) {
        super(settings, schedule);
        this.decoupled = decoupled;
    }

    @Override
    protected int bufferCount() {
        return 2;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] state, long t, float lr) {
        float wd = (float) settings.weightDecay();
        float b1 = (float) settings.beta1();
        float b2 = (float) settings.beta2();
        NDArray g = grad;
        if (wd > 0 && !decoupled) {
            g = grad.add(weight.mul(wd));
        }
        if (wd > 0 && decoupled) {
            weight.subi(weight.mul(lr * wd));
        }
        state[0].muli(b1).addi(g.mul(1 - b1));
        state[1].muli(b2).addi(g.square().mul(1 - b2));
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        NDArray denominator = state[1].div((float) c2).sqrt().add((float) settings.epsilon());
        weight.subi(state[0].div(denominator).mul((float) (lr / c1)));
    }
}
