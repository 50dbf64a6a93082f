package org.mer4j.vision.faceapi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a float32 ONNX model (opset 13) in memory and serialises it in the protobuf wire format of
 * {@code onnx.proto} (ModelProto / GraphProto / NodeProto / TensorProto / AttributeProto /
 * ValueInfoProto), so that the face-api nets can run on ONNX Runtime without an ONNX or protobuf
 * library and without a model file on disk: the weights come from the installed face-api
 * manifests, the graph from the net's code. Only what the face nets use is supported: float
 * initializers, int / ints / float attributes, one float input with a symbolic batch dimension.
 *
 * <p>Field numbers follow onnx.proto (IR version 8): ModelProto {@code ir_version=1,
 * producer_name=2, graph=7, opset_import=8}; GraphProto {@code node=1, name=2, initializer=5,
 * input=11, output=12}; NodeProto {@code input=1, output=2, name=3, op_type=4, attribute=5};
 * TensorProto {@code dims=1, data_type=2, name=8, raw_data=9}; AttributeProto {@code name=1, f=2,
 * i=3, ints=8, type=20}.
 */
final class OnnxGraph {
    private static final int FLOAT = 1;
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private final String name;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int counter;

    OnnxGraph(String name) {
        this.name = name;
    }

    /** An attribute of a node. */
    record Attr(String name, int type, long i, long[] ints, float f) {
        static Attr i(String name, long v) {
            return new Attr(name, ATTR_INT, v, null, 0);
        }

        static Attr ints(String name, long... v) {
            return new Attr(name, ATTR_INTS, 0, v, 0);
        }

        static Attr f(String name, float v) {
            return new Attr(name, ATTR_FLOAT, 0, null, v);
        }
    }

    /** Declares the float input {@code [batch, dims...]} with a symbolic batch size. */
    void input(String name, long... dims) {
        inputs.add(valueInfo(name, dims));
    }

    /** Declares an output (its shape is left to ONNX Runtime's inference). */
    void output(String name) {
        Proto type = new Proto().message(1, new Proto().varint(1, FLOAT));
        outputs.add(new Proto().string(1, name).message(2, type).bytes());
    }

    /** A float constant of shape {@code dims} with row-major {@code values}; returns its name. */
    String constant(String hint, float[] values, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(hint + ": " + values.length + " values for shape " + java.util.Arrays.toString(dims));
        }
        String id = hint + "_" + counter++;
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, FLOAT).string(8, id).bytes(9, raw.array());
        initializers.add(t.bytes());
        return id;
    }

    /** Adds a node with one output; returns the output's name. */
    String node(String op, List<String> in, Attr... attrs) {
        String out = op.toLowerCase(java.util.Locale.ROOT) + "_" + counter++;
        Proto n = new Proto();
        for (String s : in) {
            n.string(1, s);
        }
        n.string(2, out).string(3, out).string(4, op);
        for (Attr a : attrs) {
            Proto p = new Proto().string(1, a.name()).varint(20, a.type());
            switch (a.type()) {
                case ATTR_INT -> p.varint(3, a.i());
                case ATTR_FLOAT -> p.fixed32(2, Float.floatToIntBits(a.f()));
                case ATTR_INTS -> {
                    for (long v : a.ints()) {
                        p.varint(8, v);
                    }
                }
                default -> throw new IllegalStateException("attribute type " + a.type());
            }
            n.message(5, p);
        }
        nodes.add(n.bytes());
        return out;
    }

    /** Renames the value {@code from} to {@code to} through an Identity node (graph outputs get stable names). */
    void alias(String from, String to) {
        Proto n = new Proto().string(1, from).string(2, to).string(3, to).string(4, "Identity");
        nodes.add(n.bytes());
    }

    /** The serialised ModelProto. */
    byte[] toBytes() {
        Proto g = new Proto();
        for (byte[] b : nodes) {
            g.bytes(1, b);
        }
        g.string(2, name);
        for (byte[] b : initializers) {
            g.bytes(5, b);
        }
        for (byte[] b : inputs) {
            g.bytes(11, b);
        }
        for (byte[] b : outputs) {
            g.bytes(12, b);
        }
        Proto opset = new Proto().string(1, "").varint(2, 13);
        return new Proto().varint(1, 8).string(2, "mer4j").message(7, g).message(8, opset).bytes();
    }

    private static byte[] valueInfo(String name, long[] dims) {
        Proto shape = new Proto().message(1, new Proto().string(2, "batch"));
        for (long d : dims) {
            shape.message(1, new Proto().varint(1, d));
        }
        Proto tensor = new Proto().varint(1, FLOAT).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensor)).bytes();
    }

    /** A protobuf message under construction. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long v) {
            tag(field, 0);
            raw(v);
            return this;
        }

        Proto fixed32(int field, int bits) {
            tag(field, 5);
            for (int k = 0; k < 4; k++) {
                out.write((bits >>> (8 * k)) & 0xff);
            }
            return this;
        }

        Proto string(int field, String s) {
            return bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto m) {
            return bytes(field, m.bytes());
        }

        Proto bytes(int field, byte[] b) {
            tag(field, 2);
            raw(b.length);
            out.write(b, 0, b.length);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void tag(int field, int wire) {
            raw(((long) field << 3) | wire);
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
