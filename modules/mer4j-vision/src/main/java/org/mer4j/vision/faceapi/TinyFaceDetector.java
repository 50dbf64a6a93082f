package org.mer4j.vision.faceapi;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.FaceDetector;
import org.mer4j.vision.face.RgbImage;

/**
 * The Tiny Face Detector of face-api.js (Vincent Mühler, 2018; the {@code @vladmandic/face-api}
 * 1.7.15 weights), re-implemented on ONNX Runtime ({@link FaceApiGraphs#tinyDetector}) and on DJL
 * (the code below, the reference), as {@link FaceNetEngine} chooses. It is a Tiny-YOLOv2 style single-shot detector (Redmon
 * and Farhadi, "YOLO9000: Better, Faster, Stronger", CVPR 2017) whose backbone uses depthwise
 * separable convolutions (Howard et al., "MobileNets", arXiv:1704.04861): a 3x3 conv (valid) to 16
 * channels, five separable 3x3 convs to 32..512 channels with leaky ReLU (0.1) and 2x2 max pools,
 * and a 1x1 head predicting, for each of 5 anchors per cell of the {@code inputSize/32} grid,
 * {@code (tx, ty, tw, th, objectness)}. Boxes decode as centre {@code (col + σ(tx)) / cells},
 * size {@code exp(tw) * anchor / cells}, score {@code σ(objectness)}, then greedy NMS at IoU 0.4.
 *
 * <p>Preprocessing follows face-api for tensor inputs: pad to a square at the bottom/right,
 * bilinear resize to {@code inputSize}, subtract the mean RGB (117.001, 114.697, 97.404), divide
 * by 255. Returned boxes are in pixels of the input image (not clipped), best score first.
 *
 * <p>Construct with {@link #TinyFaceDetector(FaceApiModels, TinyFaceDetectorOptions)} or
 * {@link #open()}; one instance holds its weights in its own {@link NDManager} and is reused for
 * every frame. Not thread-safe.
 */
public final class TinyFaceDetector implements FaceDetector {
    private static final double[][] ANCHORS = {
        {1.603231, 2.094468}, {6.041143, 7.080126}, {2.882459, 3.518061}, {4.266906, 5.178857}, {9.041765, 10.66308},
    };
    private static final float[] MEAN_RGB = {117.001f, 114.697f, 97.404f};
    private static final float LEAKY = 0.1f;

    private final TinyFaceDetectorOptions options;
    private final OrtFaceNet ort;
    private final NDManager manager;
    private final NDArray conv0W;
    private final NDArray conv0B;
    private final NDArray[] dw = new NDArray[5];
    private final NDArray[] pw = new NDArray[5];
    private final NDArray[] pb = new NDArray[5];
    private final NDArray headW;
    private final NDArray headB;
    private float[] input = new float[0];

    /** The detector with face-api's default options from the installed weights. */
    public static TinyFaceDetector open() {
        return new TinyFaceDetector(FaceApiModels.locate(), TinyFaceDetectorOptions.DEFAULT);
    }

    /**
     * Loads the weights of {@code models}.
     *
     * @throws FaceApiModelsMissingException when they are not installed
     */
    public TinyFaceDetector(FaceApiModels models, TinyFaceDetectorOptions options) {
        this(models, options, FaceNetEngine.ONNXRUNTIME);
    }

    /**
     * Loads the weights of {@code models} to run on {@code engine}.
     *
     * @throws FaceApiModelsMissingException when they are not installed
     */
    public TinyFaceDetector(FaceApiModels models, TinyFaceDetectorOptions options, FaceNetEngine engine) {
        this.options = options;
        WeightMap w = WeightMap.load(models.require(FaceApiModels.TINY_FACE_DETECTOR));
        if (engine == FaceNetEngine.ONNXRUNTIME) {
            int size = options.inputSize();
            ort = new OrtFaceNet("tiny-face-detector", FaceApiGraphs.tinyDetector(w, size), 3, size, size);
            manager = null;
            conv0W = conv0B = headW = headB = null;
            return;
        }
        ort = null;
        manager = NDManager.newBaseManager(Device.cpu());
        manager.setName("tiny-face-detector");
        conv0W = TfOps.convFilter(manager, w.get("conv0/filters", 3, 3, 3, 16));
        conv0B = TfOps.vector(manager, w.get("conv0/bias"));
        for (int i = 0; i < 5; i++) {
            String p = "conv" + (i + 1) + "/";
            dw[i] = TfOps.depthwiseFilter(manager, w.get(p + "depthwise_filter"));
            pw[i] = TfOps.convFilter(manager, w.get(p + "pointwise_filter"));
            pb[i] = TfOps.vector(manager, w.get(p + "bias"));
        }
        headW = TfOps.convFilter(manager, w.get("conv8/filters", 1, 1, 512, 25));
        headB = TfOps.vector(manager, w.get("conv8/bias"));
    }

    @Override
    public String name() {
        return "tiny-face-detector";
    }

    /** The options this detector runs with. */
    public TinyFaceDetectorOptions options() {
        return options;
    }

    @Override
    public List<FaceDetection> detect(RgbImage image) {
        float[] raw = grid(image);
        int cells = (int) Math.round(Math.sqrt(raw.length / 25.0));
        return decode(raw, cells, image.width(), image.height());
    }

    /** The head's raw output {@code [25, cells, cells]} (5 anchors x (tx, ty, tw, th, objectness)) for {@code image}. */
    float[] grid(RgbImage image) {
        int size = options.inputSize();
        int n = 3 * size * size;
        if (input.length != n) {
            input = new float[n];
        }
        ImagePrep.squareResize(image, 0, 0, image.width(), image.height(), false, size, MEAN_RGB, input, 0);
        if (ort != null) {
            return ort.run(input, 1, FaceApiGraphs.GRID)[0];
        }
        try (NDManager call = manager.newSubManager()) {
            return forward(call.create(input, new Shape(1, 3, size, size))).toFloatArray();
        }
    }

    /** The backbone and head on a normalised NCHW batch; returns {@code [N, 25, cells, cells]}. */
    NDArray forward(NDArray x) {
        // leaky ReLU is monotonic, so it commutes with max pooling: pool first, activate 4x fewer cells
        NDArray out = TfOps.conv(x, conv0W, conv0B, 1);
        for (int i = 0; i < 5; i++) {
            NDArray pooled = Activation.leakyRelu(TfOps.maxPool2Same(out, 2), LEAKY);
            out.close();
            NDArray padded = TfOps.padAll(pooled, 1);
            pooled.close();
            NDArray d = TfOps.depthwise(padded, dw[i], 1);
            padded.close();
            out = TfOps.conv(d, pw[i], pb[i], 1);
            d.close();
        }
        NDArray pooled = TfOps.maxPool2Same(Activation.leakyRelu(out, LEAKY), 1);
        out.close();
        return TfOps.conv(pooled, headW, headB, 1);
    }

    private List<FaceDetection> decode(float[] raw, int cells, int width, int height) {
        int size = options.inputSize();
        // face-api's "reshaped input dimensions": the image scaled so its larger side is inputSize
        double scale = (double) size / Math.max(width, height);
        double corrX = (double) size / Math.round(width * scale);
        double corrY = (double) size / Math.round(height * scale);
        int plane = cells * cells;
        List<double[]> boxes = new ArrayList<>();
        for (int row = 0; row < cells; row++) {
            for (int col = 0; col < cells; col++) {
                for (int a = 0; a < ANCHORS.length; a++) {
                    int base = a * 5 * plane + row * cells + col;
                    double score = sigmoid(raw[base + 4 * plane]);
                    if (!(score > options.scoreThreshold())) {
                        continue;
                    }
                    double ctX = (col + sigmoid(raw[base])) / cells * corrX;
                    double ctY = (row + sigmoid(raw[base + plane])) / cells * corrY;
                    double w = Math.exp(raw[base + 2 * plane]) * ANCHORS[a][0] / cells * corrX;
                    double h = Math.exp(raw[base + 3 * plane]) * ANCHORS[a][1] / cells * corrY;
                    boxes.add(new double[] {ctX - w / 2, ctY - h / 2, w, h, score, boxes.size()});
                }
            }
        }
        // face-api sorts ascending (stable) and pops from the end: best score first, later index first on ties
        boxes.sort(Comparator.<double[]>comparingDouble(b -> -b[4]).thenComparingDouble(b -> -b[5]));
        List<FaceDetection> picked = new ArrayList<>();
        boolean[] gone = new boolean[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            if (gone[i]) {
                continue;
            }
            double[] b = boxes.get(i);
            picked.add(new FaceDetection(b[0] * width, b[1] * height, b[2] * width, b[3] * height, b[4]));
            for (int j = i + 1; j < boxes.size(); j++) {
                if (!gone[j] && iou(b, boxes.get(j)) > options.iouThreshold()) {
                    gone[j] = true;
                }
            }
        }
        return picked;
    }

    private static double iou(double[] a, double[] b) {
        double w = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
        double h = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
        double inter = w * h;
        return inter / (a[2] * a[3] + b[2] * b[3] - inter);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
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
