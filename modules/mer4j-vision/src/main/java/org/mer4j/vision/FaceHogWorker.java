package org.mer4j.vision;

/** The native tools one session needs at a time: a face detector and a HOG descriptor. */
final class FaceHogWorker implements AutoCloseable {
    final HaarFaceDetector detector;
    final FaceHogDescriptor descriptor;

    FaceHogWorker(FaceHogConfig cfg) {
        this.detector = new HaarFaceDetector(cfg.detector());
        try {
            this.descriptor = new FaceHogDescriptor(cfg);
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    @Override
    public void close() {
        descriptor.close();
        detector.close();
    }
}
