package org.mer4j.train.optim;

import ai.djl.ndarray.NDArray;

/**
 * Stochastic gradient descent with heavy-ball momentum as in PyTorch ({@code buf = m * buf + g},
 * {@code w -= lr * buf}; Polyak 1964, Sutskever et al. 2013), L2 weight decay added to the gradient.
 */
public final class Sgd extends StatefulOptimizer {

    Sgd(OptimizerSettings settings, LearningRateSchedule schedule) {
        super(settings, schedule);
    }

    @Override
    protected int bufferCount() {
        return 1;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] state, long t, float lr) {
        float wd = (float) settings.weightDecay();
        NDArray g = wd > 0 ? grad.add(weight.mul(wd)) : grad;
        if (t == 1) {
            state[0].addi(g);
        } else {
            state[0].muli((float) settings.momentum()).addi(g);
        }
        weight.subi(state[0].mul(lr));
    }
}
