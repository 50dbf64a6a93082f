package org.mer4j.vision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.Modality;

/**
 * The configured {@code face-hog} extractor. Sessions borrow a detector + HOG pair from a pool
 * (so parallel clips never share native state, and cascades are loaded once per thread, not per
 * clip) and return it when closed; {@link #close()} frees them all.
 */
public final class FaceHogExtractor implements FeatureExtractor {
    private final FaceHogConfig config;
    private final ConcurrentLinkedQueue<FaceHogWorker> idle = new ConcurrentLinkedQueue<>();
    private final List<FaceHogWorker> all = new ArrayList<>();
    private volatile boolean closed;

    public FaceHogExtractor(FaceHogConfig config) {
        this.config = config == null ? FaceHogConfig.defaults() : config;
    }

    @Override
    public String name() {
        return FaceHogExtractorProvider.NAME;
    }

    @Override
    public Modality modality() {
        return Modality.VIDEO;
    }

    @Override
    public FaceHogConfig config() {
        return config;
    }

    @Override
    public boolean needsVideo() {
        return true;
    }

    @Override
    public ExtractionSession open(ClipSource source) {
        if (closed) {
            throw new IllegalStateException("face-hog extractor is closed");
        }
        FaceHogWorker w = idle.poll();
        if (w == null) {
            w = new FaceHogWorker(config);
            synchronized (all) {
                all.add(w);
            }
        }
        return new FaceHogSession(source.clip().id(), config, w, idle::add);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            for (FaceHogWorker w : all) {
                w.close();
            }
            all.clear();
        }
        idle.clear();
    }
}
