package org.mer4j.vision.features;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.mer4j.api.VideoFrame;
import org.mer4j.vision.pipeline.FaceFramePipeline;
import org.mer4j.vision.pipeline.FaceModels;
import org.mer4j.vision.pipeline.FaceObservation;
import org.mer4j.vision.pipeline.FacePipelineConfig;

/**
 * Lets the sessions of several {@code face-*} extractors on the same clip share one
 * {@link FaceFramePipeline}, so detection, tracking, landmarks, alignment (and the expression net,
 * computed lazily) run once per frame however many face features are configured. Sharing is per
 * thread, clip id, pipeline config and model factory: the decoder feeds all sessions of a clip
 * one frame at a time on one thread, and a frame already processed (same index and time) is
 * answered from the last observation. Models are pooled per config and factory so they are loaded
 * once per worker thread, not per clip.
 */
final class SharedFacePipelines {
    private record Key(long thread, String clipId, FacePipelineConfig cfg, Object factory) {
    }

    private record PoolKey(FacePipelineConfig cfg, Object factory) {
    }

    private static final Map<Key, Lease> OPEN = new HashMap<>();
    private static final Map<PoolKey, Deque<FaceModels>> IDLE = new HashMap<>();
    private static int liveExtractors;

    private SharedFacePipelines() {
    }

    /** A reference to a shared pipeline. */
    static final class Lease {
        private final Key key;
        private final FaceFramePipeline pipeline;
        private final FaceModels models;
        private int refs;
        private int lastIndex = -1;
        private double lastTime = Double.NaN;
        private FaceObservation last;
        private boolean finished;
        /** The clip's feature thread ({@code face.featureThread}), or null: features run on the decoding thread. */
        private final FaceFeatureWorker worker;

        private Lease(Key key, FaceFramePipeline pipeline, FaceModels models) {
            this.key = key;
            this.pipeline = pipeline;
            this.models = models;
            this.worker = key.cfg().featureThread()
                    ? new FaceFeatureWorker(key.clipId(), FacePipelineConfig.FEATURE_FRAMES_IN_FLIGHT) : null;
        }

        /** The clip's feature thread, or null. */
        FaceFeatureWorker worker() {
            return worker;
        }

        FaceModels models() {
            return models;
        }

        FaceFramePipeline pipeline() {
            return pipeline;
        }

        /** The observation of {@code frame}, computed once for all sharers. */
        FaceObservation observe(VideoFrame frame) {
            if (last != null && frame.index() == lastIndex && frame.time() == lastTime) {
                return last;
            }
            if (worker != null) {
                if (last != null) {
                    worker.endFrame(); // every sharer has queued its work on the previous frame
                }
                worker.beginFrame();
            }
            last = pipeline.process(frame);
            lastIndex = frame.index();
            lastTime = frame.time();
            return last;
        }

        /** True for the first sharer to finish: it logs the summary and commits the export. */
        boolean firstFinish() {
            synchronized (SharedFacePipelines.class) {
                if (finished) {
                    return false;
                }
                finished = true;
                return true;
            }
        }

        void release(boolean failed) {
            synchronized (SharedFacePipelines.class) {
                if (--refs > 0) {
                    return;
                }
                OPEN.remove(key);
                if (worker != null) {
                    worker.close();
                }
                if (!finished || failed) {
                    pipeline.abortExport();
                }
                pipeline.close();
                IDLE.computeIfAbsent(new PoolKey(key.cfg(), key.factory()), k -> new ArrayDeque<>()).push(models);
            }
        }
    }

    static synchronized Lease acquire(String clipId, FacePipelineConfig cfg, Function<FacePipelineConfig, FaceModels> factory) {
        Key key = new Key(Thread.currentThread().getId(), clipId, cfg, factory);
        Lease lease = OPEN.get(key);
        if (lease == null) {
            Deque<FaceModels> idle = IDLE.get(new PoolKey(cfg, factory));
            FaceModels models = idle == null || idle.isEmpty() ? factory.apply(cfg) : idle.pop();
            lease = new Lease(key, new FaceFramePipeline(cfg, models, clipId), models);
            OPEN.put(key, lease);
        }
        lease.refs++;
        return lease;
    }

    static synchronized void extractorOpened() {
        liveExtractors++;
    }

    /** Frees the pooled models once no face extractor is open any more. */
    static synchronized void extractorClosed() {
        if (--liveExtractors > 0) {
            return;
        }
        for (Deque<FaceModels> d : IDLE.values()) {
            for (FaceModels m : d) {
                m.close();
            }
        }
        IDLE.clear();
    }
}
