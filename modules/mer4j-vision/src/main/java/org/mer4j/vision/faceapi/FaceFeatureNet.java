package org.mer4j.vision.faceapi;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.mer4j.vision.face.RgbImage;

/**
 * face-api's {@code FaceFeatureExtractor} plus a fully connected head, shared by the 68-point
 * landmark net and the expression net (same architecture, different weights): four densely
 * connected blocks (each a stride-2 conv then three 3x3 depthwise separable convs whose inputs sum
 * all previous outputs, ReLU, cf. Huang et al., "Densely Connected Convolutional Networks", CVPR
 * 2017, and Howard et al., "MobileNets", 2017) taking 112x112 to 7x7x256, a 7x7 average pool to a
 * 256-d feature vector, and a linear layer. Input: the crop zero-padded to a centred square,
 * resized bilinearly to 112, minus mean RGB (122.782, 117.001, 104.298), over 255. The layers run
 * on the {@link FaceNetEngine} chosen at construction: ONNX Runtime ({@link FaceApiGraphs#featureNet})
 * or DJL's PyTorch engine (the code below, the reference).
 */
final class FaceFeatureNet implements AutoCloseable {
    static final int INPUT = 112;
    static final int FEATURES = 256;
    private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    /** Output of one batch. */
    record Result(float[] features, float[] logits, int batch, int outputs) {
    }

    private final OrtFaceNet ort;
    private final NDManager manager;
    private final NDArray firstW;
    private final NDArray firstB;
    /** [block][conv] with conv 0 of block 0 being the regular conv above. */
    private final NDArray[][] dw = new NDArray[4][4];
    private final NDArray[][] pw = new NDArray[4][4];
    private final NDArray[][] pb = new NDArray[4][4];
    private final NDArray fcW;
    private final NDArray fcB;
    private final int outputs;
    private float[] input = new float[0];

    FaceFeatureNet(WeightMap w, int outputs, String name, FaceNetEngine engine) {
        this.outputs = outputs;
        if (engine == FaceNetEngine.ONNXRUNTIME) {
            ort = new OrtFaceNet(name, FaceApiGraphs.featureNet(w, outputs, name), 3, INPUT, INPUT);
            manager = null;
            firstW = firstB = fcW = fcB = null;
            return;
        }
        ort = null;
        manager = NDManager.newBaseManager(Device.cpu());
        manager.setName(name);
        int[] channels = {32, 64, 128, 256};
        firstW = TfOps.convFilter(manager, w.get("dense0/conv0/filters", 3, 3, 3, 32));
        firstB = TfOps.vector(manager, w.get("dense0/conv0/bias", 32));
        for (int b = 0; b < 4; b++) {
            for (int c = 0; c < 4; c++) {
                if (b == 0 && c == 0) {
                    continue;
                }
                String p = "dense" + b + "/conv" + c + "/";
                int in = c == 0 ? channels[b - 1] : channels[b];
                dw[b][c] = TfOps.depthwiseFilter(manager, w.get(p + "depthwise_filter", 3, 3, in, 1));
                pw[b][c] = TfOps.convFilter(manager, w.get(p + "pointwise_filter", 1, 1, in, channels[b]));
                pb[b][c] = TfOps.vector(manager, w.get(p + "bias", channels[b]));
            }
        }
        WeightMap.Tensor fc = w.get("fc/weights", FEATURES, outputs);
        fcW = manager.create(fc.values(), new Shape(FEATURES, outputs));
        fcB = TfOps.vector(manager, w.get("fc/bias", outputs));
    }

    /** Runs the net on {@code crops[i]} regions ({@code x, y, w, h}) of {@code images[i]}. */
    Result run(RgbImage[] images, int[][] crops) {
        int n = images.length;
        int per = 3 * INPUT * INPUT;
        if (input.length != n * per) {
            input = new float[n * per];
        }
        for (int i = 0; i < n; i++) {
            int[] c = crops[i];
            ImagePrep.squareResize(images[i], c[0], c[1], c[2], c[3], true, INPUT, MEAN_RGB, input, i * per);
        }
        if (ort != null) {
            float[][] r = ort.run(input, n, FaceApiGraphs.FEATURES, FaceApiGraphs.LOGITS);
            return new Result(r[0], r[1], n, outputs);
        }
        try (NDManager call = manager.newSubManager()) {
            NDArray x = call.create(input, new Shape(n, 3, INPUT, INPUT));
            NDArray feats = features(x);
            NDArray logits = feats.matMul(fcW).add(fcB);
            return new Result(feats.toFloatArray(), logits.toFloatArray(), n, outputs);
        }
    }

    /** Pooled features {@code [N, 256]} of a normalised NCHW batch. */
    NDArray features(NDArray x) {
        NDArray first = TfOps.conv(TfOps.padSame(x, 3, 2, 0), firstW, firstB, 2);
        NDArray out = denseBlock(0, first, x);
        for (int b = 1; b < 4; b++) {
            out = denseBlock(b, null, out);
        }
        // tfjs avgPool 7x7 stride 2 "valid" on the 7x7 map: the spatial mean
        Shape s = out.getShape();
        return out.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).mean(new int[] {2});
    }

    private NDArray sep(NDArray x, int b, int c, int stride) {
        NDArray p = stride == 1 ? TfOps.padAll(x, 1) : TfOps.padSame(x, 3, stride, 0);
        return TfOps.conv(TfOps.depthwise(p, dw[b][c], stride), pw[b][c], pb[b][c], 1);
    }

    private NDArray denseBlock(int b, NDArray firstConv, NDArray x) {
        NDArray out1 = Activation.relu(firstConv != null ? firstConv : sep(x, b, 0, 2));
        NDArray out2 = sep(out1, b, 1, 1);
        NDArray in3 = Activation.relu(out1.add(out2));
        NDArray out3 = sep(in3, b, 2, 1);
        NDArray in4 = Activation.relu(out1.add(out2.add(out3)));
        NDArray out4 = sep(in4, b, 3, 1);
        return Activation.relu(out1.add(out2.add(out3.add(out4))));
    }

    @Override
    public void close() {
        if (ort != null) {
            ort.close();
        } else {
            manager.close();
        }
    }
}
