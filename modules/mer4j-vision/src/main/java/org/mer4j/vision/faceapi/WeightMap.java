package org.mer4j.vision.faceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of one tfjs weights manifest ({@code *-weights_manifest.json} and its {@code .bin}
 * shards): a list of groups, each with shard paths and named weights read in order from the
 * concatenated shards. Quantised weights (uint8 or uint16) are dequantised as
 * {@code q * scale + min}, computed in double and rounded to float32 as tfjs does; float16
 * quantisation and plain float32/int32 weights are read as is (little endian). Shapes keep tfjs
 * order (NHWC filters {@code [kh, kw, in, out]}).
 */
final class WeightMap {
    /** One named tensor: row-major values in tfjs layout. */
    record Tensor(String name, int[] shape, float[] values) {
        int size(int axis) {
            return shape[axis];
        }
    }

    private final Map<String, Tensor> tensors;

    private WeightMap(Map<String, Tensor> tensors) {
        this.tensors = tensors;
    }

    static WeightMap load(Path manifest) {
        try {
            JsonNode groups = new ObjectMapper().readTree(manifest.toFile());
            Map<String, Tensor> out = new LinkedHashMap<>();
            Path dir = manifest.getParent();
            for (JsonNode group : groups) {
                ByteBuffer data = readShards(dir, group.get("paths"));
                for (JsonNode w : group.get("weights")) {
                    Tensor t = read(w, data);
                    out.put(t.name(), t);
                }
                if (data.hasRemaining()) {
                    throw new IllegalStateException(manifest + ": " + data.remaining() + " bytes left after the last weight");
                }
            }
            return new WeightMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read face-api weights " + manifest, e);
        }
    }

    private static ByteBuffer readShards(Path dir, JsonNode paths) throws IOException {
        byte[][] parts = new byte[paths.size()][];
        int total = 0;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = Files.readAllBytes(dir.resolve(paths.get(i).asText()));
            total += parts[i].length;
        }
        ByteBuffer all = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] p : parts) {
            all.put(p);
        }
        return all.flip();
    }

    private static Tensor read(JsonNode w, ByteBuffer data) {
        String name = w.get("name").asText();
        JsonNode shapeNode = w.get("shape");
        int[] shape = new int[shapeNode.size()];
        int n = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
            n *= shape[i];
        }
        String dtype = w.get("dtype").asText();
        if (!dtype.equals("float32") && !dtype.equals("int32")) {
            throw new IllegalStateException("weight " + name + ": unsupported dtype " + dtype);
        }
        float[] v = new float[n];
        JsonNode q = w.get("quantization");
        if (q != null && !q.isNull()) {
            String qtype = q.get("dtype").asText();
            if (qtype.equals("float16")) {
                for (int i = 0; i < n; i++) {
                    v[i] = halfToFloat(data.getShort());
                }
            } else {
                double scale = q.get("scale").asDouble();
                double min = q.get("min").asDouble();
                for (int i = 0; i < n; i++) {
                    int raw = switch (qtype) {
                        case "uint8" -> data.get() & 0xff;
                        case "uint16" -> data.getShort() & 0xffff;
                        default -> throw new IllegalStateException("weight " + name + ": unsupported quantisation " + qtype);
                    };
                    v[i] = (float) (raw * scale + min);
                }
            }
        } else if (dtype.equals("int32")) {
            for (int i = 0; i < n; i++) {
                v[i] = data.getInt();
            }
        } else {
            for (int i = 0; i < n; i++) {
                v[i] = data.getFloat();
            }
        }
        return new Tensor(name, shape, v);
    }

    /** IEEE 754 binary16 to float (Java 17 lacks {@code Float.float16ToFloat}). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float m = mant * 0x1p-24f;
            return sign != 0 ? -m : m;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** The tensor {@code name}; fails with the expected shape when absent or shaped otherwise. */
    Tensor get(String name, int... expectedShape) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalStateException("face-api weights lack tensor " + name);
        }
        if (expectedShape.length > 0 && !Arrays.equals(t.shape(), expectedShape)) {
            throw new IllegalStateException("tensor " + name + " has shape " + Arrays.toString(t.shape())
                    + ", expected " + Arrays.toString(expectedShape));
        }
        return t;
    }

    boolean has(String name) {
        return tensors.containsKey(name);
    }
}
