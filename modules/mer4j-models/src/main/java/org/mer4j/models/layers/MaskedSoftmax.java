package org.mer4j.models.layers;

import ai.djl.ndarray.NDArray;
import org.mer4j.models.Scalars;

/**
 * A softmax over one axis that leaves out masked entries: the weights of the valid entries sum to
 * 1, masked entries get exactly 0, and a row without a valid entry gives all zeros (never NaN).
 * Used to renormalise modality weights and gates over the modalities present at a step or in a clip.
 */
public final class MaskedSoftmax {
    /** Offset subtracted from the logits of masked entries before the softmax. */
    static final double MASKED_OFFSET = 1e4;

    private MaskedSoftmax() {
    }

    /**
     * {@code softmax(logits - 1e4 * (1 - mask), axis) * mask}.
     *
     * @param logits scores, broadcastable to {@code mask}'s shape (e.g. {@code [1,1,M]} against {@code [B,T,M]})
     * @param mask 1 valid, 0 masked, same dtype as the logits
     * @param axis the axis to normalise over
     * @return weights of {@code mask}'s shape
     */
    public static NDArray apply(NDArray logits, NDArray mask, int axis) {
        NDArray penalty = Scalars.mul(Scalars.subtractFrom(1, mask), MASKED_OFFSET);
        return logits.sub(penalty).softmax(axis).mul(mask);
    }
}
