package org.mer4j.train.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.mer4j.models.Scalars;

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
        NDArray softplus = Activation.relu(z).add(Scalars.add(z.abs().neg().exp(), 1).log());
        NDArray positive = Scalars.mul(softplus.sub(z).mul(y), positiveWeight);
        NDArray negative = softplus.mul(Scalars.subtractFrom(1, y));
        return positive.add(negative).mul(mask).sum().div(Scalars.maximum(mask.sum(), 1));
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
        return perClip.mul(weight).sum().div(Scalars.maximum(weight.sum(), 1e-6));
    }

    /**
     * {@code 1 - CCC} per column of {@code [N,K]} predictions and targets over the masked rows, averaged
     * over the K columns: Lin's concordance correlation coefficient, the AVEC / OMG-Empathy loss.
     */
    public static NDArray concordanceLoss(NDArray pred, NDArray target, NDArray mask) {
        NDArray n = Scalars.maximum(mask.sum(new int[] {0}), 1);
        NDArray mp = pred.mul(mask).sum(new int[] {0}).div(n);
        NDArray mt = target.mul(mask).sum(new int[] {0}).div(n);
        NDArray dp = pred.sub(mp).mul(mask);
        NDArray dt = target.sub(mt).mul(mask);
        NDArray vp = dp.square().sum(new int[] {0}).div(n);
        NDArray vt = dt.square().sum(new int[] {0}).div(n);
        NDArray cov = dp.mul(dt).sum(new int[] {0}).div(n);
        NDArray ccc = Scalars.mul(cov, 2).div(Scalars.add(vp.add(vt).add(mp.sub(mt).square()), 1e-8));
        return Scalars.subtractFrom(1, ccc).mean();
    }
}
