package org.mer4j.vision.features;

import java.util.Arrays;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.FeatureTrackBuilder;
import org.mer4j.api.VideoFrame;
import org.mer4j.vision.pipeline.FaceObservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-clip state of a {@code face-*} extractor: asks the shared pipeline for each frame's
 * observation and keeps only the feature rows. Frames without a face (or where the feature cannot
 * be computed) get a zero row and mask false. With {@code face.featureThread} the row is computed on
 * the clip's {@link FaceFeatureWorker} (in frame order, the same rows), and {@link #finish()} waits for it.
 */
final class FaceFeatureSession implements ExtractionSession {
    private static final Logger LOG = LoggerFactory.getLogger(FaceFeatureSession.class);
    private final String name;
    private final String clipId;
    private final SharedFacePipelines.Lease lease;
    private final FaceFeature feature;
    private final FeatureTrackBuilder rows;
    private final float[] row;
    private int frames;
    private int valid;
    private boolean closed;
    private boolean finished;

    FaceFeatureSession(String name, String clipId, SharedFacePipelines.Lease lease, FaceFeature feature) {
        this.name = name;
        this.clipId = clipId;
        this.lease = lease;
        this.feature = feature;
        this.rows = new FeatureTrackBuilder(name, feature.dim());
        this.row = new float[feature.dim()];
    }

    @Override
    public void onVideoFrame(VideoFrame frame) throws ClipFailedException {
        FaceObservation obs;
        try {
            obs = lease.observe(frame);
        } catch (RuntimeException e) {
            throw new ClipFailedException(clipId, "face-pipeline-error", name + ": the face pipeline failed on frame "
                    + frame.index() + ": " + e.getMessage(), e);
        }
        FaceFeatureWorker worker = lease.worker();
        if (worker == null) {
            addRow(obs);
            return;
        }
        throwIfFailed(worker);
        worker.submit(() -> addRow(obs));
    }

    private void addRow(FaceObservation obs) {
        frames++;
        boolean ok = obs.present() && feature.compute(obs, row);
        if (!ok) {
            Arrays.fill(row, 0f);
        } else {
            valid++;
        }
        rows.add(obs.time(), row, ok);
    }

    private void throwIfFailed(FaceFeatureWorker worker) throws ClipFailedException {
        Throwable t = worker.failure();
        if (t != null) {
            throw new ClipFailedException(clipId, "face-pipeline-error", name + ": computing the face features failed on the"
                    + " feature thread: " + t, t);
        }
    }

    @Override
    public FeatureTrack finish() throws ClipFailedException {
        finished = true;
        FaceFeatureWorker worker = lease.worker();
        if (worker != null) {
            worker.drain();
            throwIfFailed(worker);
        }
        if (lease.firstFinish()) {
            LOG.info("clip {}: {}", clipId, lease.pipeline().summary());
            lease.pipeline().commitExport();
        }
        if (frames == 0) {
            throw new ClipFailedException(clipId, "no-video-frames", name + ": the decoder delivered no video frames;"
                    + " check that the clip's video file has a video stream and a non-zero duration");
        }
        if (valid == 0) {
            throw new ClipFailedException(clipId, "no-face", name + ": no face in any of " + frames + " frames ("
                    + lease.pipeline().summary() + "); check that the video shows a face with enough light");
        }
        return rows.build();
    }

    /** Frames with a valid row so far. */
    int valid() {
        return valid;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (lease.worker() != null && !finished) {
                lease.worker().cancel(); // queued work of this clip must not touch the feature once it is closed
            }
            feature.close();
            lease.release(!finished);
        }
    }
}
