package org.mer4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Joint loss of a fusion model: masked binary cross-entropy with logits on the frame A/H output,
 * with a positive-class weight ({@code pos_weight = negatives / positives} of the training frames,
 * so the rare A/H class is not ignored), plus a weighted softmax cross-entropy on the clip emotion
 * of the labelled clips.
 *
 * <p>Labels {@code (ahLabels [B,T], labelMask [B,T], emotionOneHot [B,E], emotionMask [B])},
 * predictions {@code (ahLogits [B,T], emotionLogits [B,E])}.
 */
public final class FusionLoss extends Loss {
    private final float positiveWeight;
    private final float ahWeight;
    private final float emotionWeight;

    /** A loss with the given A/H positive-class weight and task weights. */
    public FusionLoss(double positiveWeight, double ahWeight, double emotionWeight) {
        super("fusionLoss");
        this.positiveWeight = (float) positiveWeight;
        this.ahWeight = (float) ahWeight;
        this.emotionWeight = (float) emotionWeight;
    }

    /** {@code negatives / positives}, or 1 when either count is zero. */
    public static double positiveWeight(long positives, long negatives) {
        return positives == 0 || negatives == 0 ? 1.0 : negatives / (double) positives;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray z = predictions.get(0);
        NDArray y = labels.get(0);
        NDArray frameMask = labels.get(1);
        // softplus(z) = relu(z) + log(1 + exp(-|z|)) is -log(1 - sigmoid(z)); softplus(-z) = softplus(z) - z is -log(sigmoid(z))
        NDArray softplus = Activation.relu(z).add(z.abs().neg().exp().add(1f).log());
        NDArray positive = softplus.sub(z).mul(y).mul(positiveWeight);
        NDArray negative = softplus.mul(y.neg().add(1f));
        NDArray frameLoss = positive.add(negative).mul(frameMask).sum().div(frameMask.sum().maximum(1f));

        NDArray logProb = predictions.get(1).logSoftmax(1);
        NDArray clipMask = labels.get(3);
        NDArray crossEntropy = logProb.mul(labels.get(2)).sum(new int[] {1}).neg();
        NDArray emotionLoss = crossEntropy.mul(clipMask).sum().div(clipMask.sum().maximum(1f));
        return frameLoss.mul(ahWeight).add(emotionLoss.mul(emotionWeight));
    }
}
