package org.mer4j.text.minilm;

import java.io.IOException;
import java.util.Map;

/**
 * The pretrained all-MiniLM-L6-v2 weights of the ONNX file in the model jar, read once per class
 * loader ({@link OnnxWeights}) and shared by every encoder built from them (each copies them into
 * its own parameters).
 */
final class MiniLmWeights {
    private static Map<String, OnnxWeights.Tensor> weights;

    private MiniLmWeights() {
    }

    /** The weights by PyTorch name. */
    static synchronized Map<String, OnnxWeights.Tensor> pretrained() {
        if (weights == null) {
            try {
                weights = Map.copyOf(OnnxWeights.read(MiniLmModel.resource(MiniLmModel.MODEL_RESOURCE),
                        MiniLmModel.MODEL_RESOURCE + " of " + MiniLmModel.ARTIFACT));
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return weights;
    }
}
