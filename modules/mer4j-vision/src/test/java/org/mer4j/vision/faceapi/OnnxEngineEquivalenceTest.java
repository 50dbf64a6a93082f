package org.mer4j.vision.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.vision.face.RgbImage;

/**
 * The ONNX Runtime graphs of the face-api nets ({@link FaceApiGraphs}) compute what the DJL
 * reference code computes, layer semantics included (TF "same" padding, -inf pool padding, ceil
 * pools, filter layouts): both engines load the same weights, written here as random values in the
 * face-api manifest layout (so this runs without the installed models), and must agree on the
 * pooled features, the heads and the detector grid, for face crops at image borders too.
 */
class OnnxEngineEquivalenceTest {
    private static final float TOL = 2e-4f;

    @TempDir
    static Path dir;

    private static FaceApiModels models;
    private static RgbImage image;

    @BeforeAll
    static void writeRandomWeights() throws IOException {
        Random rnd = new Random(11);
        int[] c = {32, 64, 128, 256};
        for (String net : List.of(FaceApiModels.FACE_LANDMARK_68, FaceApiModels.FACE_EXPRESSION)) {
            List<Object[]> t = new ArrayList<>();
            t.add(new Object[] {"dense0/conv0/filters", new int[] {3, 3, 3, 32}});
            t.add(new Object[] {"dense0/conv0/bias", new int[] {32}});
            for (int b = 0; b < 4; b++) {
                for (int k = 0; k < 4; k++) {
                    if (b == 0 && k == 0) {
                        continue;
                    }
                    int in = k == 0 ? c[b - 1] : c[b];
                    String p = "dense" + b + "/conv" + k + "/";
                    t.add(new Object[] {p + "depthwise_filter", new int[] {3, 3, in, 1}});
                    t.add(new Object[] {p + "pointwise_filter", new int[] {1, 1, in, c[b]}});
                    t.add(new Object[] {p + "bias", new int[] {c[b]}});
                }
            }
            int outputs = net.equals(FaceApiModels.FACE_LANDMARK_68) ? 136 : 7;
            t.add(new Object[] {"fc/weights", new int[] {256, outputs}});
            t.add(new Object[] {"fc/bias", new int[] {outputs}});
            write(net, t, rnd);
        }
        List<Object[]> t = new ArrayList<>();
        t.add(new Object[] {"conv0/filters", new int[] {3, 3, 3, 16}});
        t.add(new Object[] {"conv0/bias", new int[] {16}});
        int[] d = {16, 32, 64, 128, 256, 512};
        for (int i = 0; i < 5; i++) {
            String p = "conv" + (i + 1) + "/";
            t.add(new Object[] {p + "depthwise_filter", new int[] {3, 3, d[i], 1}});
            t.add(new Object[] {p + "pointwise_filter", new int[] {1, 1, d[i], d[i + 1]}});
            t.add(new Object[] {p + "bias", new int[] {d[i + 1]}});
        }
        t.add(new Object[] {"conv8/filters", new int[] {1, 1, 512, 25}});
        t.add(new Object[] {"conv8/bias", new int[] {25}});
        write(FaceApiModels.TINY_FACE_DETECTOR, t, rnd);
        models = FaceApiModels.at(dir);
        byte[] px = new byte[200 * 150 * 3];
        rnd.nextBytes(px);
        image = new RgbImage(200, 150, px);
    }

    /** A manifest with one float32 shard; values scaled so activations stay of order one through the layers. */
    private static void write(String net, List<Object[]> tensors, Random rnd) throws IOException {
        StringBuilder json = new StringBuilder("[{\"paths\": [\"" + net + ".bin\"], \"weights\": [");
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            String name = (String) tensors.get(i)[0];
            int[] shape = (int[]) tensors.get(i)[1];
            int n = 1;
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < shape.length; k++) {
                n *= shape[k];
                s.append(k == 0 ? "" : ", ").append(shape[k]);
            }
            int fanIn = shape.length == 4 ? shape[0] * shape[1] * (name.contains("depthwise") ? 1 : shape[2]) : shape.length == 2 ? shape[0] : 1;
            double scale = name.endsWith("bias") ? 0.1 : Math.sqrt(2.0 / fanIn);
            for (int k = 0; k < n; k++) {
                values.add((float) (rnd.nextGaussian() * scale));
            }
            json.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(name).append("\", \"shape\": [").append(s)
                    .append("], \"dtype\": \"float32\"}");
        }
        json.append("]}]");
        ByteBuffer b = ByteBuffer.allocate(4 * values.size()).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach(b::putFloat);
        Files.writeString(dir.resolve(net + "-weights_manifest.json"), json);
        Files.write(dir.resolve(net + ".bin"), b.array());
    }

    @Test
    void featureNetsAgreeOnFeaturesAndHeadsForInnerAndBorderCrops() {
        for (String net : List.of(FaceApiModels.FACE_LANDMARK_68, FaceApiModels.FACE_EXPRESSION)) {
            int outputs = net.equals(FaceApiModels.FACE_LANDMARK_68) ? 136 : 7;
            WeightMap w = WeightMap.load(models.require(net));
            try (FaceFeatureNet ort = new FaceFeatureNet(w, outputs, net, FaceNetEngine.ONNXRUNTIME);
                 FaceFeatureNet djl = new FaceFeatureNet(w, outputs, net, FaceNetEngine.PYTORCH)) {
                RgbImage[] images = {image, image, image};
                int[][] crops = {{40, 30, 90, 100}, {0, 0, 61, 47}, {150, 100, 50, 50}};
                FaceFeatureNet.Result a = ort.run(images, crops);
                FaceFeatureNet.Result b = djl.run(images, crops);
                assertEquals(3 * 256, a.features().length);
                assertEquals(3 * outputs, a.logits().length);
                assertClose(net + " features", b.features(), a.features());
                assertClose(net + " logits", b.logits(), a.logits());
            }
        }
    }

    @Test
    void detectorGridsAgreeAtTwoInputSizes() {
        for (int size : new int[] {224, 416}) {
            TinyFaceDetectorOptions opts = TinyFaceDetectorOptions.of(size, 0.5);
            try (TinyFaceDetector ort = new TinyFaceDetector(models, opts, FaceNetEngine.ONNXRUNTIME);
                 TinyFaceDetector djl = new TinyFaceDetector(models, opts, FaceNetEngine.PYTORCH)) {
                float[] a = ort.grid(image);
                float[] b = djl.grid(image);
                int cells = size / 32;
                assertEquals(25 * cells * cells, a.length, "grid of " + size);
                assertClose("detector grid at " + size, b, a);
            }
        }
    }

    @Test
    void engineNamesParseAndUnknownOnesAreRefused() {
        assertEquals(FaceNetEngine.ONNXRUNTIME, FaceNetEngine.parse(null));
        assertEquals(FaceNetEngine.PYTORCH, FaceNetEngine.parse("PyTorch"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FaceNetEngine.parse("tensorrt"));
        assertTrue(e.getMessage().contains("face.engine"), e.getMessage());
    }

    /** Agreement relative to the reference's scale (the random nets' activations grow through the layers). */
    private static void assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + " length");
        double scale = 0;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 1e-3, what + ": reference is all zeros, the test would prove nothing");
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]) / Math.max(1, scale);
            assertTrue(err <= TOL, what + "[" + i + "]: " + actual[i] + " vs reference " + expected[i] + " (scale " + scale + ")");
        }
    }
}
