package org.mer4j.train.optim;

import ai.djl.ndarray.NDArray;

/**
 * Stochastic gradient descent with heavy-ball momentum (Polyak 1964; Sutskever et al. 2013) in
 * PyTorch's form ({@code torch.optim.SGD}, no dampening, no Nesterov), L2 weight decay added to the
 * gradient:
 * <pre>
 * g = grad + wd * w
 * buf = momentum * buf + g      (buf = g at the first update)
 * w -= lr * buf
 * </pre>
 * With momentum 0 it keeps no buffer and steps {@code w -= lr * g}.
 */
public final class Sgd extends StatefulOptimizer {
    private final double momentum;
    private final double weightDecay;

    /**
     * @param schedule the learning rate of each step
     * @param momentum in [0, 1), e.g. 0.9
     * @param weightDecay L2 coefficient in [0, 1)
     */
    public Sgd(LearningRateSchedule schedule, double momentum, double weightDecay) {
        super("sgd", schedule);
        if (!(momentum >= 0 && momentum < 1) || !(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("SGD needs momentum and weight decay in [0, 1), got " + momentum + ", " + weightDecay);
        }
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    protected int bufferCount() {
        return momentum > 0 ? 1 : 0;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] buffers, long t, double lr) {
        NDArray g = weightDecay > 0 ? grad.add(weight.mul(constant(weight, (float) weightDecay))) : grad;
        if (momentum > 0) {
            NDArray buffer = buffers[0];
            if (t == 1) {
                buffer.addi(g);
            } else {
                buffer.muli(constant(buffer, (float) momentum)).addi(g);
            }
            weight.subi(buffer.mul(stepConstant(buffer, (float) lr)));
        } else {
            weight.subi(g.mul(stepConstant(weight, (float) lr)));
        }
    }
}
