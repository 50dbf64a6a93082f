package org.mer4j.vision.faceapi;

import java.util.ArrayList;
import java.util.List;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.FaceLandmarks;
import org.mer4j.vision.face.LandmarkModel;
import org.mer4j.vision.face.RgbImage;

/**
 * The full 68-point landmark net of face-api.js (Vincent Mühler, 2018; {@code face_landmark_68_model}
 * of {@code @vladmandic/face-api} 1.7.15) on ONNX Runtime or DJL ({@link FaceNetEngine}): the {@link FaceFeatureNet} backbone (densely
 * connected depthwise separable convolutions after MobileNets, Howard et al. 2017) and a linear
 * layer regressing 136 coordinates relative to the padded square input. Points follow the iBUG
 * 300-W markup (Sagonas et al. 2013).
 *
 * <p>As in face-api the face is cut out as {@link FaceCrop#of} (box clipped to the image and
 * floored), zero-padded to a centred square and resized to 112x112; the outputs are unpadded back
 * to the crop. Points are mapped to image pixels by adding the crop's origin. (face-api itself
 * adds the unclipped, unfloored box corner, which misplaces points by up to a pixel, and by the
 * clipped amount for boxes crossing the left/top border; the crop-relative values are identical.)
 *
 * <p>A box that does not cover at least one whole pixel of the image is rejected with an
 * {@link IllegalArgumentException}. For several faces of a frame {@link #locateAll} runs one batch.
 *
 * <p>Construct with {@link #Landmark68Net(FaceApiModels)} or {@link #open()}. Not thread-safe.
 */
public final class Landmark68Net implements LandmarkModel {
    private final FaceFeatureNet net;

    /** The net from the installed weights. */
    public static Landmark68Net open() {
        return new Landmark68Net(FaceApiModels.locate());
    }

    /**
     * Loads the weights of {@code models}.
     *
     * @throws FaceApiModelsMissingException when they are not installed
     */
    public Landmark68Net(FaceApiModels models) {
        this(models, FaceNetEngine.ONNXRUNTIME);
    }

    /**
     * Loads the weights of {@code models} to run on {@code engine}.
     *
     * @throws FaceApiModelsMissingException when they are not installed
     */
    public Landmark68Net(FaceApiModels models, FaceNetEngine engine) {
        net = new FaceFeatureNet(WeightMap.load(models.require(FaceApiModels.FACE_LANDMARK_68)), 136, "face-landmark-68", engine);
    }

    @Override
    public FaceLandmarks locate(RgbImage image, FaceDetection face) {
        return locateAll(image, List.of(face)).get(0);
    }

    /** Landmarks of several faces of one image in one batch, in the order of {@code faces}. */
    public List<FaceLandmarks> locateAll(RgbImage image, List<FaceDetection> faces) {
        int n = faces.size();
        if (n == 0) {
            return List.of();
        }
        RgbImage[] images = new RgbImage[n];
        int[][] crops = new int[n][];
        for (int i = 0; i < n; i++) {
            FaceCrop c = FaceCrop.of(faces.get(i), image.width(), image.height());
            images[i] = image;
            crops[i] = new int[] {c.x(), c.y(), c.width(), c.height()};
        }
        FaceFeatureNet.Result r = net.run(images, crops);
        List<FaceLandmarks> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] c = crops[i];
            double[] xy = cropPoints(r.logits(), i * 136, c[2], c[3]);
            for (int k = 0; k < 136; k += 2) {
                xy[k] += c[0];
                xy[k + 1] += c[1];
            }
            out.add(new FaceLandmarks(xy));
        }
        return out;
    }

    /**
     * The box face-api crops for the expression net once landmarks are known ({@code alignedRect}:
     * the points' bounding box grown by 20% of its width and height, centred). Its score is
     * {@code score}.
     */
    public static FaceDetection alignedBox(FaceLandmarks landmarks, double score) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < FaceLandmarks.POINTS; i++) {
            minX = Math.min(minX, landmarks.x(i));
            maxX = Math.max(maxX, landmarks.x(i));
            minY = Math.min(minY, landmarks.y(i));
            maxY = Math.max(maxY, landmarks.y(i));
        }
        double w = maxX - minX, h = maxY - minY;
        return new FaceDetection(minX - 0.1 * w, minY - 0.1 * h, 1.2 * w, 1.2 * h, score);
    }

    /**
     * face-api's {@code postProcess}: net outputs (relative to the padded 112 square) to pixels of a
     * {@code w} x {@code h} crop, in float32 as tfjs computes it.
     */
    static double[] cropPoints(float[] out, int off, int w, int h) {
        float size = FaceFeatureNet.INPUT;
        double scale = (double) FaceFeatureNet.INPUT / Math.max(w, h);
        double sw = w * scale;
        double sh = h * scale;
        float padX = (float) (sw < sh ? Math.abs(sw - sh) / 2 : 0);
        float padY = (float) (sh < sw ? Math.abs(sw - sh) / 2 : 0);
        float fw = (float) sw;
        float fh = (float) sh;
        double[] xy = new double[136];
        for (int k = 0; k < 136; k += 2) {
            float rx = (out[off + k] * size - padX) / fw;
            float ry = (out[off + k + 1] * size - padY) / fh;
            xy[k] = (double) rx * w;
            xy[k + 1] = (double) ry * h;
        }
        return xy;
    }

    @Override
    public void close() {
        net.close();
    }
}
