package org.mer4j.vision.faceapi;

import java.util.ArrayList;
import java.util.List;
import org.mer4j.vision.face.ExpressionModel;
import org.mer4j.vision.face.ExpressionOutput;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.RgbImage;

/**
 * The 7-class facial expression net of face-api.js (Vincent Mühler, 2018;
 * {@code face_expression_model} of {@code @vladmandic/face-api} 1.7.15) on ONNX Runtime or DJL ({@link FaceNetEngine}): the
 * {@link FaceFeatureNet} backbone (densely connected depthwise separable convolutions, MobileNets,
 * Howard et al. 2017) on a 112x112 centred-square crop, a 256-d average-pooled embedding, a linear
 * layer and a softmax over {@link ExpressionOutput#CLASSES} (neutral, happy, sad, angry, fearful,
 * disgusted, surprised).
 *
 * <p>Construct with {@link #FaceExpressionNet(FaceApiModels)} or {@link #open()}. Not thread-safe.
 */
public final class FaceExpressionNet implements ExpressionModel {
    private final FaceFeatureNet net;

    /** The net from the installed weights. */
    public static FaceExpressionNet open() {
        return new FaceExpressionNet(FaceApiModels.locate());
    }

    /**
     * Loads the weights of {@code models}.
     *
     * @throws FaceApiModelsMissingException when they are not installed
     */
    public FaceExpressionNet(FaceApiModels models) {
        this(models, FaceNetEngine.ONNXRUNTIME);
    }

    /**
     * Loads the weights of {@code models} to run on {@code engine}.
     *
     * @throws FaceApiModelsMissingException when they are not installed
     */
    public FaceExpressionNet(FaceApiModels models, FaceNetEngine engine) {
        net = new FaceFeatureNet(WeightMap.load(models.require(FaceApiModels.FACE_EXPRESSION)),
                ExpressionOutput.CLASSES.size(), "face-expression", engine);
    }

    @Override
    public ExpressionOutput classify(RgbImage faceCrop) {
        return classifyAll(List.of(faceCrop)).get(0);
    }

    /** The expression of the face-api crop ({@link FaceCrop#of}) of {@code face}, without copying it. */
    public ExpressionOutput classify(RgbImage image, FaceDetection face) {
        FaceCrop c = FaceCrop.of(face, image.width(), image.height());
        return decode(net.run(new RgbImage[] {image}, new int[][] {{c.x(), c.y(), c.width(), c.height()}})).get(0);
    }

    /** Several crops in one batch, in order. */
    public List<ExpressionOutput> classifyAll(List<RgbImage> faceCrops) {
        int n = faceCrops.size();
        if (n == 0) {
            return List.of();
        }
        RgbImage[] images = faceCrops.toArray(new RgbImage[0]);
        int[][] crops = new int[n][];
        for (int i = 0; i < n; i++) {
            crops[i] = new int[] {0, 0, images[i].width(), images[i].height()};
        }
        return decode(net.run(images, crops));
    }

    private static List<ExpressionOutput> decode(FaceFeatureNet.Result r) {
        int k = r.outputs();
        List<ExpressionOutput> out = new ArrayList<>(r.batch());
        for (int i = 0; i < r.batch(); i++) {
            float[] p = softmax(r.logits(), i * k, k);
            float[] e = new float[FaceFeatureNet.FEATURES];
            System.arraycopy(r.features(), i * FaceFeatureNet.FEATURES, e, 0, e.length);
            out.add(new ExpressionOutput(p, e));
        }
        return out;
    }

    private static float[] softmax(float[] x, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[off + i]);
        }
        double sum = 0;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = Math.exp(x[off + i] - max);
            sum += e[i];
        }
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }

    @Override
    public void close() {
        net.close();
    }
}
