package org.mer4j.vision.faceapi;

import java.util.List;
import org.mer4j.vision.faceapi.OnnxGraph.Attr;

/**
 * The three face-api nets as ONNX graphs built from the installed weights, layer for layer the
 * same computation as the DJL code of {@link FaceFeatureNet} and {@link TinyFaceDetector} (which
 * stays the reference they are tested against): TensorFlow's bottom/right-heavy {@code "same"}
 * padding becomes the asymmetric {@code pads} of ONNX {@code Conv} and {@code MaxPool} (MaxPool
 * pads with -inf, as TF does), the stride-2 2x2 pools use {@code ceil_mode}, filters are converted
 * from the tfjs {@code [kh, kw, in, out]} layout by {@link TfOps}. Inputs are normalised NCHW
 * batches named {@code input}; outputs are named below.
 */
final class FaceApiGraphs {
    /** Output of the feature nets: the 256-d pooled features. */
    static final String FEATURES = "features";
    /** Output of the feature nets: the linear head. */
    static final String LOGITS = "logits";
    /** Output of the detector: {@code [N, 25, cells, cells]}. */
    static final String GRID = "grid";

    private FaceApiGraphs() {
    }

    /** {@link FaceFeatureNet}: 112x112 input, {@link #FEATURES} {@code [N, 256]} and {@link #LOGITS} {@code [N, outputs]}. */
    static byte[] featureNet(WeightMap w, int outputs, String name) {
        OnnxGraph g = new OnnxGraph(name);
        int size = FaceFeatureNet.INPUT;
        g.input("input", 3, size, size);
        int[] channels = {32, 64, 128, 256};
        String first = conv(g, "input", g.constant("conv0_w", TfOps.convFilterValues(w.get("dense0/conv0/filters", 3, 3, 3, 32)), 32, 3, 3, 3),
                g.constant("conv0_b", w.get("dense0/conv0/bias", 32).values(), 32), 3, 2, samePads(size, 3, 2), 1);
        String x = null;
        int side = size;
        for (int b = 0; b < 4; b++) {
            int in0 = b == 0 ? 0 : channels[b - 1];
            String out1 = b == 0 ? relu(g, first) : relu(g, sep(g, w, x, b, 0, in0, channels[b], 2, side));
            side = (side + 1) / 2;
            String out2 = sep(g, w, out1, b, 1, channels[b], channels[b], 1, side);
            String in3 = relu(g, add(g, out1, out2));
            String out3 = sep(g, w, in3, b, 2, channels[b], channels[b], 1, side);
            String in4 = relu(g, add(g, out1, add(g, out2, out3)));
            String out4 = sep(g, w, in4, b, 3, channels[b], channels[b], 1, side);
            x = relu(g, add(g, out1, add(g, out2, add(g, out3, out4))));
        }
        String pooled = g.node("GlobalAveragePool", List.of(x));
        String feats = g.node("Flatten", List.of(pooled), Attr.i("axis", 1));
        WeightMap.Tensor fc = w.get("fc/weights", FaceFeatureNet.FEATURES, outputs);
        String logits = g.node("Gemm", List.of(feats, g.constant("fc_w", fc.values(), FaceFeatureNet.FEATURES, outputs),
                g.constant("fc_b", w.get("fc/bias", outputs).values(), outputs)));
        g.alias(feats, FEATURES);
        g.alias(logits, LOGITS);
        g.output(FEATURES);
        g.output(LOGITS);
        return g.toBytes();
    }

    /** {@link TinyFaceDetector}: {@code inputSize} square input, {@link #GRID} {@code [N, 25, cells, cells]}. */
    static byte[] tinyDetector(WeightMap w, int inputSize) {
        OnnxGraph g = new OnnxGraph("tiny-face-detector");
        g.input("input", 3, inputSize, inputSize);
        WeightMap.Tensor c0 = w.get("conv0/filters", 3, 3, 3, 16);
        String out = conv(g, "input", g.constant("conv0_w", TfOps.convFilterValues(c0), 16, 3, 3, 3),
                g.constant("conv0_b", w.get("conv0/bias").values(), 16), 3, 1, new long[] {0, 0, 0, 0}, 1);
        int in = 16;
        for (int i = 0; i < 5; i++) {
            String p = "conv" + (i + 1) + "/";
            // leaky ReLU is monotonic, so it commutes with max pooling: pool first, as the DJL code does
            String pooled = leaky(g, g.node("MaxPool", List.of(out), Attr.ints("kernel_shape", 2, 2), Attr.ints("strides", 2, 2),
                    Attr.i("ceil_mode", 1)));
            WeightMap.Tensor dw = w.get(p + "depthwise_filter");
            WeightMap.Tensor pw = w.get(p + "pointwise_filter");
            int outC = pw.size(3);
            String d = conv(g, pooled, g.constant("dw", TfOps.depthwiseFilterValues(dw), in, 1, 3, 3), null, 3, 1,
                    new long[] {1, 1, 1, 1}, in);
            out = conv(g, d, g.constant("pw", TfOps.convFilterValues(pw), outC, in, 1, 1),
                    g.constant("pb", w.get(p + "bias").values(), outC), 1, 1, new long[] {0, 0, 0, 0}, 1);
            in = outC;
        }
        // tfjs maxPool 2x2 stride 1 "same": one row/column of -inf at the bottom/right
        String pooled = g.node("MaxPool", List.of(leaky(g, out)), Attr.ints("kernel_shape", 2, 2), Attr.ints("strides", 1, 1),
                Attr.ints("pads", 0, 0, 1, 1));
        String grid = conv(g, pooled, g.constant("head_w", TfOps.convFilterValues(w.get("conv8/filters", 1, 1, 512, 25)), 25, 512, 1, 1),
                g.constant("head_b", w.get("conv8/bias").values(), 25), 1, 1, new long[] {0, 0, 0, 0}, 1);
        g.alias(grid, GRID);
        g.output(GRID);
        return g.toBytes();
    }

    /** A face-api separable conv: 3x3 depthwise (no bias) then 1x1 pointwise with bias; {@code side} is the input side. */
    private static String sep(OnnxGraph g, WeightMap w, String x, int block, int conv, int in, int out, int stride, int side) {
        String p = "dense" + block + "/conv" + conv + "/";
        long[] pads = stride == 1 ? new long[] {1, 1, 1, 1} : samePads(side, 3, stride);
        String d = conv(g, x, g.constant("dw", TfOps.depthwiseFilterValues(w.get(p + "depthwise_filter", 3, 3, in, 1)), in, 1, 3, 3),
                null, 3, stride, pads, in);
        return conv(g, d, g.constant("pw", TfOps.convFilterValues(w.get(p + "pointwise_filter", 1, 1, in, out)), out, in, 1, 1),
                g.constant("pb", w.get(p + "bias", out).values(), out), 1, 1, new long[] {0, 0, 0, 0}, 1);
    }

    /** ONNX pads {@code [top, left, bottom, right]} of TF "same" on a square {@code side}. */
    private static long[] samePads(int side, int k, int s) {
        int[] p = TfOps.samePad(side, k, s);
        return new long[] {p[0], p[0], p[1], p[1]};
    }

    private static String conv(OnnxGraph g, String x, String weight, String bias, int k, int stride, long[] pads, int group) {
        List<String> in = bias == null ? List.of(x, weight) : List.of(x, weight, bias);
        return g.node("Conv", in, Attr.ints("kernel_shape", k, k), Attr.ints("strides", stride, stride), Attr.ints("pads", pads),
                Attr.i("group", group));
    }

    private static String relu(OnnxGraph g, String x) {
        return g.node("Relu", List.of(x));
    }

    private static String leaky(OnnxGraph g, String x) {
        return g.node("LeakyRelu", List.of(x), Attr.f("alpha", 0.1f));
    }

    private static String add(OnnxGraph g, String a, String b) {
        return g.node("Add", List.of(a, b));
    }
}
