package org.mer4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Tensor arithmetic with a constant, safe inside forward passes and losses. Use these instead of
 * DJL's {@code NDArray.mul(Number)}, {@code div(Number)}, {@code add(Number)}, {@code sub(Number)},
 * {@code maximum(Number)} and the like there.
 *
 * <p>Why: with the PyTorch engine, DJL's {@code Number} overloads put the constant in a Java direct
 * buffer, wrap it as a tensor without copying, run the operation and close that tensor at once.
 * Autograd keeps the constant for backward (the gradient of {@code x * c} is {@code g * c}), but
 * after the close only the engine's tensor refers to the buffer, so the garbage collector may free it
 * before backward runs, at a moment nobody controls. Backward then reads freed memory: training
 * drifts between two runs of one seed, or its loss turns NaN. The constants made here are
 * allocated by the engine itself ({@code NDManager.full}) on the operand's manager and device and
 * live until that manager closes. {@code org.mer4j.testkit.FusionContract} runs the collector between
 * forward and backward to catch such tensors in every registered model.
 */
public final class Scalars {
    private Scalars() {
    }

    /** A 0-dimensional tensor holding {@code value}, with {@code like}'s manager, device and data type. */
    public static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }

    /** {@code x * c}. */
    public static NDArray mul(NDArray x, double c) {
        return x.mul(of(x, c));
    }

    /** {@code x / c}. */
    public static NDArray div(NDArray x, double c) {
        return x.div(of(x, c));
    }

    /** {@code x + c}. */
    public static NDArray add(NDArray x, double c) {
        return x.add(of(x, c));
    }

    /** {@code x - c}. */
    public static NDArray sub(NDArray x, double c) {
        return x.sub(of(x, c));
    }

    /** {@code c - x}. */
    public static NDArray subtractFrom(double c, NDArray x) {
        return of(x, c).sub(x);
    }

    /** Element-wise {@code max(x, c)}. */
    public static NDArray maximum(NDArray x, double c) {
        return x.maximum(of(x, c));
    }
}
