package org.mer4j.vision.faceapi;

import java.util.Locale;

/**
 * Which engine runs the face-api nets. Both compute the same graph from the same weights (checked
 * against each other in the tests and against face-api itself by {@code tools/bench/faces-exactness.sh}).
 */
public enum FaceNetEngine {
    /** ONNX Runtime on the CPU (the default): one fused native graph per call, about 4 times faster per frame on small CPUs. */
    ONNXRUNTIME,
    /** DJL's PyTorch engine, one JNI call per layer: the reference port. */
    PYTORCH;

    /** {@code onnxruntime} or {@code pytorch} (case-insensitive); null or blank is the default. */
    public static FaceNetEngine parse(String s) {
        if (s == null || s.isBlank()) {
            return ONNXRUNTIME;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "onnxruntime" -> ONNXRUNTIME;
            case "pytorch" -> PYTORCH;
            default -> throw new IllegalArgumentException("face.engine must be onnxruntime or pytorch, got '" + s + "'");
        };
    }

    /** Intra-op threads of each ONNX Runtime face net ({@code -Dmer4j.face.threads}, else the PyTorch thread setting, else 1). */
    public static int onnxRuntimeThreads() {
        return OrtFaceNet.threads();
    }

    /** The config spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
