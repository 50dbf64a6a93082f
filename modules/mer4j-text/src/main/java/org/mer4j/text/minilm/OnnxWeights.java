package org.mer4j.text.minilm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The float weights of an ONNX model exported from PyTorch, by their PyTorch parameter names, read
 * straight from the ONNX protobuf (the wire format of {@code onnx.proto}: ModelProto field 7 is the
 * graph, GraphProto field 5 its initializers and field 1 its nodes; TensorProto holds dims (1), data
 * type (2), name (8) and little-endian raw data (9) or packed floats (4)). ONNX Runtime runs a model
 * but does not hand out its weights; this reader lets a DJL block start from them.
 *
 * <p>The PyTorch exporter keeps the names of biases, norms and embeddings, but stores each
 * {@code Linear} weight transposed, as the second input of a {@code MatMul} node, under a generated
 * name ({@code onnx::MatMul_787}); the node itself is named after the module
 * ({@code /encoder/layer.0/attention/self/query/MatMul}). Such weights are returned as
 * {@code encoder.layer.0.attention.self.query.weight} in the MatMul layout {@code [in, out]}.
 */
public final class OnnxWeights {
    private static final int FLOAT = 1;

    /** One weight: its shape and values in row-major order. */
    public record Tensor(long[] dims, float[] values) {
        /** Number of values the shape holds. */
        public long size() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }
    }

    private OnnxWeights() {
    }

    /**
     * The float initializers of {@code model} (the bytes of an {@code .onnx} file) by PyTorch name.
     *
     * @param what the file, for messages
     * @throws IOException when the bytes are not an ONNX model or a weight is malformed
     */
    public static Map<String, Tensor> read(byte[] model, String what) throws IOException {
        try {
            ByteBuffer b = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
            Wire graph = null;
            for (Wire w = new Wire(b, 0, model.length); w.next(); ) {
                if (w.field == 7 && w.type == 2) {
                    graph = w.sub();
                }
            }
            if (graph == null) {
                throw new IOException(what + ": no graph in the ONNX model; is it an .onnx file?");
            }
            Map<String, Tensor> byOnnxName = new LinkedHashMap<>();
            Map<String, String> matMulWeightModule = new LinkedHashMap<>();
            for (Wire w = graph; w.next(); ) {
                if (w.field == 5 && w.type == 2) {
                    readTensor(w.sub(), byOnnxName, what);
                } else if (w.field == 1 && w.type == 2) {
                    readMatMul(w.sub(), matMulWeightModule);
                }
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : byOnnxName.entrySet()) {
                String module = matMulWeightModule.get(e.getKey());
                out.put(module != null ? module + ".weight" : e.getKey(), e.getValue());
            }
            return out;
        } catch (RuntimeException e) {
            throw new IOException(what + ": cannot read the ONNX weights (" + e + "); is the file complete?", e);
        }
    }

    private static void readTensor(Wire t, Map<String, Tensor> out, String what) throws IOException {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = null;
        ByteBuffer raw = null;
        ByteBuffer packed = null;
        for (; t.next(); ) {
            switch (t.field) {
                case 1 -> {
                    if (t.type == 0) {
                        dims.add(t.value);
                    } else {
                        for (Wire p = t.sub(); p.pos < p.end; ) {
                            dims.add(p.varint());
                        }
                    }
                }
                case 2 -> type = (int) t.value;
                case 8 -> name = t.string();
                case 9 -> raw = t.bytes();
                case 4 -> packed = t.bytes();
                default -> { }
            }
        }
        if (type != FLOAT || name == null) {
            return; // ids and shapes (int64) are not weights
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        Tensor tensor = new Tensor(shape, null);
        ByteBuffer data = raw != null ? raw : packed;
        if (data == null || data.remaining() != tensor.size() * 4) {
            throw new IOException(what + ": weight " + name + " of shape " + java.util.Arrays.toString(shape) + " holds "
                    + (data == null ? 0 : data.remaining()) + " bytes, expected " + tensor.size() * 4 + " (external data is not supported)");
        }
        float[] values = new float[(int) tensor.size()];
        data.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        out.put(name, new Tensor(shape, values));
    }

    /** Records which initializer is the weight of a MatMul node named after its module. */
    private static void readMatMul(Wire n, Map<String, String> out) {
        List<String> inputs = new ArrayList<>(2);
        String name = null;
        String op = null;
        for (; n.next(); ) {
            switch (n.field) {
                case 1 -> inputs.add(n.string());
                case 3 -> name = n.string();
                case 4 -> op = n.string();
                default -> { }
            }
        }
        if ("MatMul".equals(op) && name != null && name.endsWith("/MatMul") && inputs.size() == 2) {
            String module = name.substring(name.startsWith("/") ? 1 : 0, name.length() - "/MatMul".length()).replace('/', '.');
            out.put(inputs.get(1), module);
        }
    }

    /** A cursor over the fields of one protobuf message in {@code [pos, end)}. */
    private static final class Wire {
        private final ByteBuffer buf;
        private int pos;
        private final int end;
        int field;
        int type;
        long value;
        private int from;
        private int to;

        Wire(ByteBuffer buf, int pos, int end) {
            this.buf = buf;
            this.pos = pos;
            this.end = end;
        }

        boolean next() {
            if (pos >= end) {
                return false;
            }
            long key = varint();
            field = (int) (key >>> 3);
            type = (int) (key & 7);
            switch (type) {
                case 0 -> value = varint();
                case 1 -> pos += 8;
                case 5 -> pos += 4;
                case 2 -> {
                    int len = (int) varint();
                    from = pos;
                    to = pos + len;
                    pos = to;
                    if (to > end || len < 0) {
                        throw new IllegalStateException("a field runs past its message");
                    }
                }
                default -> throw new IllegalStateException("unsupported protobuf wire type " + type);
            }
            return true;
        }

        long varint() {
            long r = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte c = buf.get(pos++);
                r |= (long) (c & 0x7f) << shift;
                if (c >= 0) {
                    return r;
                }
            }
            throw new IllegalStateException("malformed varint");
        }

        Wire sub() {
            return new Wire(buf, from, to);
        }

        ByteBuffer bytes() {
            return buf.duplicate().position(from).limit(to).slice();
        }

        String string() {
            byte[] s = new byte[to - from];
            buf.duplicate().position(from).get(s);
            return new String(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
