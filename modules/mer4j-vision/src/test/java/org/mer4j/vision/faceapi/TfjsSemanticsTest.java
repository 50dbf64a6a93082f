package org.mer4j.vision.faceapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.RgbImage;

/** The tfjs conventions the port relies on, checked against direct NHWC loops (no weights needed). */
class TfjsSemanticsTest {
    @TempDir
    Path tmp;

    @Test
    void manifestDequantisesAndReadsShardsInOrder() throws IOException {
        String manifest = """
                [{"paths": ["a.bin", "b.bin"], "weights": [
                  {"name": "q", "shape": [2, 2], "dtype": "float32", "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1.0}},
                  {"name": "f", "shape": [2], "dtype": "float32"}]}]
                """;
        Files.writeString(tmp.resolve("m-weights_manifest.json"), manifest, StandardCharsets.UTF_8);
        Files.write(tmp.resolve("a.bin"), new byte[] {0, 2, (byte) 255});
        ByteBuffer b = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 4).putFloat(1.25f).putFloat(-3f);
        Files.write(tmp.resolve("b.bin"), b.array());
        WeightMap w = WeightMap.load(tmp.resolve("m-weights_manifest.json"));
        assertArrayEquals(new float[] {-1f, 0f, 126.5f, 1f}, w.get("q", 2, 2).values());
        assertArrayEquals(new float[] {1.25f, -3f}, w.get("f", 2).values());
        assertEquals(1f, WeightMap.halfToFloat((short) 0x3c00));
        assertEquals(-2f, WeightMap.halfToFloat((short) 0xc000));
    }

    @Test
    void convolutionsMatchTensorflowSamePaddingAndLayouts() {
        Random rnd = new Random(7);
        int h = 9, wd = 8, cin = 3, cout = 4;
        float[] x = rand(rnd, h * wd * cin);
        float[] filt = rand(rnd, 3 * 3 * cin * cout);
        float[] dwf = rand(rnd, 3 * 3 * cin);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray xin = m.create(x, new Shape(1, h, wd, cin)).transpose(0, 3, 1, 2);
            for (int stride : new int[] {1, 2}) {
                NDArray w = TfOps.convFilter(m, new WeightMap.Tensor("f", new int[] {3, 3, cin, cout}, filt));
                NDArray bias = m.zeros(new Shape(cout));
                NDArray ours = TfOps.conv(TfOps.padSame(xin, 3, stride, 0), w, bias, stride).transpose(0, 2, 3, 1);
                assertArrayEquals(naiveConvSame(x, h, wd, cin, filt, cout, stride, false), ours.toFloatArray(), 1e-5f);
                NDArray dw = TfOps.depthwiseFilter(m, new WeightMap.Tensor("d", new int[] {3, 3, cin, 1}, dwf));
                NDArray dOurs = TfOps.depthwise(TfOps.padSame(xin, 3, stride, 0), dw, stride).transpose(0, 2, 3, 1);
                assertArrayEquals(naiveConvSame(x, h, wd, cin, dwf, cin, stride, true), dOurs.toFloatArray(), 1e-5f);
                NDArray pooled = TfOps.maxPool2Same(xin, stride).transpose(0, 2, 3, 1);
                assertArrayEquals(naiveMaxPoolSame(x, h, wd, cin, stride), pooled.toFloatArray(), 0f);
            }
        }
    }

    @Test
    void resizeIsTensorflowLegacyBilinearAfterPadding() {
        // 3x2 image: detector pads bottom/right, face nets centre the padding
        byte[] px = new byte[3 * 2 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (10 * (i + 1));
        }
        RgbImage img = new RgbImage(3, 2, px);
        float[] zero = {0, 0, 0};
        float[] out = new float[3 * 3 * 3];
        ImagePrep.squareResize(img, 0, 0, 3, 2, false, 3, zero, out, 0);
        // red plane: rows 0-1 are the image, row 2 is padding
        assertArrayEquals(new float[] {10, 40, 70, 100, 130, 160, 0, 0, 0}, scale255(out, 0, 9), 1e-4f);
        ImagePrep.squareResize(img, 0, 0, 3, 2, true, 3, zero, out, 0);
        // diff 1: round(0.5) = 1 row appended, 0 prepended
        assertArrayEquals(new float[] {10, 40, 70, 100, 130, 160, 0, 0, 0}, scale255(out, 0, 9), 1e-4f);
        float[] down = new float[3 * 2 * 2];
        ImagePrep.squareResize(img, 0, 0, 3, 2, false, 2, zero, down, 0);
        // source coordinate = dst * 3 / 2; row 1.5 blends image row 1 with the zero padding row
        assertArrayEquals(new float[] {10, 55, 50, 72.5f}, scale255(down, 0, 4), 1e-4f);
        FaceCrop c = FaceCrop.of(new FaceDetection(-3.5, 1.7, 10, 20, 1), 8, 12);
        assertEquals(new FaceCrop(0, 1, 6, 10), c);
    }

    private static float[] scale255(float[] v, int off, int n) {
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            r[i] = v[off + i] * 255f;
        }
        return r;
    }

    private static float[] rand(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static int[] pad(int n, int k, int s) {
        int out = (n + s - 1) / s;
        int total = Math.max((out - 1) * s + k - n, 0);
        return new int[] {out, total / 2};
    }

    /** NHWC TF "same" conv ({@code depthwise}: filter [3, 3, c, 1]). */
    private static float[] naiveConvSame(float[] x, int h, int w, int cin, float[] f, int cout, int s, boolean depthwise) {
        int[] ph = pad(h, 3, s), pw = pad(w, 3, s);
        float[] out = new float[ph[0] * pw[0] * cout];
        for (int oy = 0; oy < ph[0]; oy++) {
            for (int ox = 0; ox < pw[0]; ox++) {
                for (int o = 0; o < cout; o++) {
                    double acc = 0;
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            int iy = oy * s + ky - ph[1], ix = ox * s + kx - pw[1];
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                continue;
                            }
                            if (depthwise) {
                                acc += x[(iy * w + ix) * cin + o] * f[(ky * 3 + kx) * cin + o];
                            } else {
                                for (int i = 0; i < cin; i++) {
                                    acc += x[(iy * w + ix) * cin + i] * f[((ky * 3 + kx) * cin + i) * cout + o];
                                }
                            }
                        }
                    }
                    out[(oy * pw[0] + ox) * cout + o] = (float) acc;
                }
            }
        }
        return out;
    }

    private static float[] naiveMaxPoolSame(float[] x, int h, int w, int c, int s) {
        int[] ph = pad(h, 2, s), pw = pad(w, 2, s);
        float[] out = new float[ph[0] * pw[0] * c];
        for (int oy = 0; oy < ph[0]; oy++) {
            for (int ox = 0; ox < pw[0]; ox++) {
                for (int k = 0; k < c; k++) {
                    float best = Float.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int iy = oy * s + dy - ph[1], ix = ox * s + dx - pw[1];
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                best = Math.max(best, x[(iy * w + ix) * c + k]);
                            }
                        }
                    }
                    out[(oy * pw[0] + ox) * c + k] = best;
                }
            }
        }
        return out;
    }
}
