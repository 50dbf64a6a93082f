package org.mer4j.vision.faceapi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a test, with a clear message, when the face-api weights are not installed. */
final class FaceApiTestSupport {
    private FaceApiTestSupport() {
    }

    static FaceApiModels modelsOrSkip() {
        FaceApiModels models = FaceApiModels.locate();
        assumeTrue(models.isInstalled(), () -> "skipped: " + models.problem().orElse(""));
        return models;
    }

    /**
     * Runs {@code body} with one PyTorch intra-op thread (restored after): on a small, shared CPU
     * two OpenMP threads contend with other processes and run many times slower than one.
     */
    static void singleThreaded(Runnable body) {
        ai.djl.engine.Engine.getEngine("PyTorch"); // loads the native library
        int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
        try {
            body.run();
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(before);
        }
    }
}
