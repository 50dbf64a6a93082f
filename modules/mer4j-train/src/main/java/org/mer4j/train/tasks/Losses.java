package org.mer4j.train.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** Masked losses shared by the built-in tasks; each returns a scalar mean over the labelled entries. */
public final class Losses {
    private Losses() {
    }

    /**
     * Binary cross-entropy with logits {@code z}, targets {@code y} in [0,1], element mask and a
     * weight on the positive term ({@code pos_weight}, as in PyTorch's BCEWithLogitsLoss).
     */
    public static NDArray binaryCrossEntropy(NDArray z, NDArray y, NDArray mask, float positiveWeight) {
        // softplus(z) = relu(z) + log(1 + exp(-|z|)) = -log(1 - sigmoid(z)); softplus(z) - z = -log(sigmoid(z))
        NDArray softplus = Activation.relu(z).add(z.abs().neg().exp().add(1f).log());
        NDArray positive = softplus.sub(z).mul(y).mul(positiveWeight);
        NDArray negative = softplus.mul(y.neg().add(1f));
        return positive.add(negative).mul(mask).sum().div(mask.sum().maximum(1f));
    }

    /**
     * Cross-entropy of logits {@code [B,E]} against target distributions {@code q [B,E]} (one-hot or
     * soft), each clip weighted by {@code sum_k q_k w_k}; {@code clipMask [B,E]} marks labelled clips.
     *
     * @param classWeights {@code [E]} or null for equal weights
     */
    public static NDArray softCrossEntropy(NDArray logits, NDArray q, NDArray clipMask, NDArray classWeights) {
        NDArray perClip = logits.logSoftmax(1).mul(q).sum(new int[] {1}).neg();
        NDArray labelled = clipMask.max(new int[] {1});
        NDArray weight = classWeights == null ? labelled : q.mul(classWeights).sum(new int[] {1}).mul(labelled);
        return perClip.mul(weight).sum().div(weight.sum().maximum(1e-6f));
    }

    /**
     * {@code 1 - CCC} per column of {@code [N,K]} predictions and targets over the masked rows, averaged
     * over the K columns: Lin's concordance correlation coefficient, the AVEC / OMG-Empathy loss.
     */
    public static NDArray concordanceLoss(NDArray pred, NDArray target, NDArray mask) {
        NDArray n = mask.sum(new int[] {0}).maximum(1f);
        NDArray mp = pred.mul(mask).sum(new int[] {0}).div(n);
        NDArray mt = target.mul(mask).sum(new int[] {0}).div(n);
        NDArray dp = pred.sub(mp).mul(mask);
        NDArray dt = target.sub(mt).mul(mask);
        NDArray vp = dp.square().sum(new int[] {0}).div(n);
        NDArray vt = dt.square().sum(new int[] {0}).div(n);
        NDArray cov = dp.mul(dt).sum(new int[] {0}).div(n);
        NDArray ccc = cov.mul(2f).div(vp.add(vt).add(mp.sub(mt).square()).add(1e-8f));
        return ccc.neg().add(1f).mean();
    }
}
