package org.mer4j.vision.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;

/**
 * The few tfjs layer semantics the face-api nets need, expressed with DJL operators on NCHW arrays:
 * weight layout conversion (tfjs NHWC filters {@code [kh, kw, in, out]}, depthwise filters
 * {@code [kh, kw, in, 1]}) and TensorFlow's {@code "same"} padding, which puts the odd extra row
 * and column at the bottom/right (PyTorch pads symmetrically, so the pad is applied explicitly).
 */
final class TfOps {
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape TWO = new Shape(2, 2);
    private static final Shape NO_PAD = new Shape(0, 0);

    private TfOps() {
    }

    /** Regular conv filter {@code [kh, kw, in, out]} to {@code [out, in, kh, kw]}. */
    static NDArray convFilter(NDManager m, WeightMap.Tensor t) {
        return m.create(convFilterValues(t), new Shape(t.size(3), t.size(2), t.size(0), t.size(1)));
    }

    /** The values of {@code t} ({@code [kh, kw, in, out]}) in {@code [out, in, kh, kw]} order (PyTorch and ONNX). */
    static float[] convFilterValues(WeightMap.Tensor t) {
        int kh = t.size(0), kw = t.size(1), in = t.size(2), out = t.size(3);
        float[] v = t.values();
        float[] r = new float[v.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        r[((o * in + i) * kh + y) * kw + x] = v[((y * kw + x) * in + i) * out + o];
                    }
                }
            }
        }
        return r;
    }

    /** Depthwise filter {@code [kh, kw, c, 1]} to grouped-conv weight {@code [c, 1, kh, kw]}. */
    static NDArray depthwiseFilter(NDManager m, WeightMap.Tensor t) {
        return m.create(depthwiseFilterValues(t), new Shape(t.size(2), 1, t.size(0), t.size(1)));
    }

    /** The values of a depthwise filter {@code [kh, kw, c, 1]} in grouped-conv order {@code [c, 1, kh, kw]}. */
    static float[] depthwiseFilterValues(WeightMap.Tensor t) {
        if (t.size(3) != 1) {
            throw new IllegalStateException(t.name() + ": depth multiplier " + t.size(3) + " not supported");
        }
        int kh = t.size(0), kw = t.size(1), c = t.size(2);
        float[] v = t.values();
        float[] r = new float[v.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < c; i++) {
                    r[(i * kh + y) * kw + x] = v[(y * kw + x) * c + i];
                }
            }
        }
        return r;
    }

    static NDArray vector(NDManager m, WeightMap.Tensor t) {
        return m.create(t.values(), new Shape(t.values().length));
    }

    /** Output size and bottom/right-heavy padding of TensorFlow "same". */
    static int[] samePad(long n, int k, int s) {
        long out = (n + s - 1) / s;
        int total = (int) Math.max((out - 1) * s + k - n, 0);
        return new int[] {total / 2, total - total / 2};
    }

    /** Pads H and W of NCHW {@code x} as TF "same" would for a {@code k}x{@code k} window of stride {@code s}. */
    static NDArray padSame(NDArray x, int k, int s, double value) {
        int[] ph = samePad(x.getShape().get(2), k, s);
        int[] pw = samePad(x.getShape().get(3), k, s);
        if (ph[0] == 0 && ph[1] == 0 && pw[0] == 0 && pw[1] == 0) {
            return x;
        }
        return x.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), value);
    }

    /** Pads H and W by {@code p} on every side. */
    static NDArray padAll(NDArray x, int p) {
        return x.pad(new Shape(p, p, p, p), 0);
    }

    /** Convolution without padding ("valid"). */
    static NDArray conv(NDArray x, NDArray w, NDArray bias, int stride) {
        Shape s = stride == 1 ? ONE : new Shape(stride, stride);
        return Conv2d.conv2d(x, w, bias, s, NO_PAD, ONE, 1).singletonOrThrow();
    }

    /** Depthwise convolution without padding and without bias. */
    static NDArray depthwise(NDArray x, NDArray w, int stride) {
        Shape s = stride == 1 ? ONE : new Shape(stride, stride);
        return Conv2d.conv2d(x, w, null, s, NO_PAD, ONE, (int) w.getShape().get(0)).singletonOrThrow();
    }

    /**
     * tfjs {@code maxPool(x, [2, 2], [stride, stride], "same")}. With stride 2 TF pads at most one
     * row/column at the bottom/right, which PyTorch's ceil mode reproduces (windows hanging over the
     * edge ignore the missing cells); with stride 1 the extra row/column is padded with -inf.
     */
    static NDArray maxPool2Same(NDArray x, int stride) {
        if (stride == 2) {
            return Pool.maxPool2d(x, TWO, TWO, NO_PAD, true);
        }
        NDArray p = padSame(x, 2, stride, Double.NEGATIVE_INFINITY);
        NDArray out = Pool.maxPool2d(p, TWO, ONE, NO_PAD, false);
        if (p != x) {
            p.close();
        }
        return out;
    }
}
