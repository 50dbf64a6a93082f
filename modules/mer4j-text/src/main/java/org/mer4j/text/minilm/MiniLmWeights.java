package org.mer4j.text.minilm;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The pretrained weights of each {@link PretrainedBert}'s ONNX file, read once per class loader
 * ({@link OnnxWeights}) and shared by every encoder built from them (each copies them into its own
 * parameters).
 */
final class MiniLmWeights {
    private static final Map<PretrainedBert, Map<String, OnnxWeights.Tensor>> WEIGHTS = new EnumMap<>(PretrainedBert.class);

    private MiniLmWeights() {
    }

    /** The all-MiniLM-L6-v2 weights by PyTorch name. */
    static Map<String, OnnxWeights.Tensor> pretrained() {
        return pretrained(PretrainedBert.ALL_MINILM_L6_V2);
    }

    /** The weights of {@code encoder} by PyTorch name. */
    static synchronized Map<String, OnnxWeights.Tensor> pretrained(PretrainedBert encoder) {
        return WEIGHTS.computeIfAbsent(encoder, e -> {
            try {
                return Map.copyOf(OnnxWeights.read(MiniLmModel.resource(e.resource(), e.artifact()), e.resource() + " of " + e.artifact()));
            } catch (IOException x) {
                throw new IllegalStateException(x.getMessage(), x);
            }
        });
    }
}
