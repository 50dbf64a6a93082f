package org.mer4j.vision.faceapi;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Set;
import org.mer4j.api.OnnxRuntimeNatives;

/**
 * One face-api net ({@link FaceApiGraphs}) in an ONNX Runtime session on the CPU: sequential
 * execution, full graph optimisation (conv + activation fusion, NCHWc layouts), {@link #threads()}
 * intra-op threads that sleep rather than spin when idle. The input goes through one reused direct
 * buffer, so a frame's floats are copied once into native memory and not again. Not thread-safe.
 */
final class OrtFaceNet implements AutoCloseable {
    /** System property for the intra-op threads of the face nets (default: {@code ai.djl.pytorch.num_threads}, else 1). */
    static final String THREADS_PROPERTY = "mer4j.face.threads";

    private final String name;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final long[] itemShape;
    private final int itemSize;
    private FloatBuffer input = FloatBuffer.allocate(0);

    /**
     * @param name the net, for messages
     * @param model the serialised ONNX model
     * @param itemShape shape of one batch item ({@code [3, H, W]})
     */
    OrtFaceNet(String name, byte[] model, long... itemShape) {
        this.name = name;
        this.itemShape = itemShape;
        int per = 1;
        for (long d : itemShape) {
            per *= (int) d;
        }
        this.itemSize = per;
        try {
            OnnxRuntimeNatives.prepare();
            env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
                opts.setIntraOpNumThreads(threads());
                opts.setInterOpNumThreads(1);
                opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                // idle intra-op threads sleep instead of spinning: the cores are shared with decoding and the other extractors
                opts.addConfigEntry("session.intra_op.allow_spinning", "0");
                session = env.createSession(model, opts);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(name + ": ONNX Runtime cannot build the net from the face-api weights: " + e.getMessage(), e);
        }
    }

    /** Intra-op threads of every face net session: {@value #THREADS_PROPERTY}, else the PyTorch thread setting, else 1. */
    static int threads() {
        for (String key : new String[] {THREADS_PROPERTY, "ai.djl.pytorch.num_threads"}) {
            String v = System.getProperty(key);
            if (v != null && !v.isBlank()) {
                try {
                    return Math.max(1, Integer.parseInt(v.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("-D" + key + " must be a whole number of threads, got '" + v + "'", e);
                }
            }
        }
        return 1;
    }

    /**
     * Runs the net on {@code n} items of {@code values} (normalised NCHW floats) and returns the
     * named outputs' values in order.
     */
    float[][] run(float[] values, int n, String... outputs) {
        int per = itemSize;
        if (input.capacity() < n * per) {
            input = ByteBuffer.allocateDirect(4 * n * per).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        input.clear();
        input.put(values, 0, n * per);
        input.flip();
        long[] shape = new long[itemShape.length + 1];
        shape[0] = n;
        System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
        try (OnnxTensor x = OnnxTensor.createTensor(env, input, shape);
             OrtSession.Result r = session.run(Map.of("input", x), Set.of(outputs))) {
            float[][] out = new float[outputs.length][];
            for (int i = 0; i < outputs.length; i++) {
                FloatBuffer b = ((OnnxTensor) r.get(outputs[i]).orElseThrow()).getFloatBuffer();
                out[i] = new float[b.remaining()];
                b.get(out[i]);
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException(name + ": ONNX Runtime failed on a batch of " + n + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(name + ": cannot close the ONNX Runtime session: " + e.getMessage(), e);
        }
    }
}
