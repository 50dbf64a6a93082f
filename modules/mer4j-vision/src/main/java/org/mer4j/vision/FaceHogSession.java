package org.mer4j.vision;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.mer4j.api.FeatureTrackBuilder;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.VideoFrame;

/**
 * Per-clip state of {@code face-hog}: detects (every k frames, smoothing the box), describes the
 * face and keeps only the rows. Frames without a face get a zero row and mask false.
 */
final class FaceHogSession implements ExtractionSession {
    private final String clipId;
    private final FaceHogConfig cfg;
    private final FaceHogWorker worker;
    private final Consumer<FaceHogWorker> release;
    private final BoxSmoother smoother;
    private final FeatureTrackBuilder rows;
    private final float[] row;
    private FaceBox lastBox;
    private FaceBox lastFound;
    private int frames;
    private int faces;
    private int fullScans;
    private boolean released;

    FaceHogSession(String clipId, FaceHogConfig cfg, FaceHogWorker worker, Consumer<FaceHogWorker> release) {
        this.clipId = clipId;
        this.cfg = cfg;
        this.worker = worker;
        this.release = release;
        this.smoother = new BoxSmoother(cfg.boxSmoothing());
        this.rows = new FeatureTrackBuilder(FaceHogExtractorProvider.NAME, cfg.dim());
        this.row = new float[cfg.dim()];
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        try (Mat bgr = BgrMats.toMat(frame)) {
            if (frames % cfg.detectEvery() == 0) {
                Optional<FaceBox> found = detect(bgr);
                if (found.isPresent()) {
                    lastFound = found.get();
                    lastBox = smoother.update(lastFound);
                } else {
                    lastFound = null;
                    lastBox = null;
                    smoother.reset();
                }
            }
            frames++;
            if (lastBox != null) {
                worker.descriptor.describe(bgr, lastBox, row);
                faces++;
                rows.add(frame.time(), row, true);
            } else {
                java.util.Arrays.fill(row, 0f);
                rows.add(frame.time(), row, false);
            }
        }
    }

    /** Near the last detected face's size first when one is tracked, every size when that finds nothing. */
    private Optional<FaceBox> detect(Mat bgr) {
        if (lastFound != null && cfg.trackSizeRatio() > 1) {
            int side = Math.max(lastFound.width(), lastFound.height());
            int minSide = Math.max(worker.detector.minSide(bgr), (int) Math.floor(side / cfg.trackSizeRatio()));
            int maxSide = (int) Math.ceil(side * cfg.trackSizeRatio());
            List<FaceBox> near = worker.detector.detectAll(bgr, minSide, maxSide);
            if (!near.isEmpty()) {
                return Optional.of(near.get(0));
            }
        }
        fullScans++;
        return worker.detector.detect(bgr);
    }

    /** Detections so far that scanned every face size (all of them when size tracking is off). */
    int fullScans() {
        return fullScans;
    }

    @Override
    public FeatureTrack finish() throws ClipFailedException {
        if (frames == 0) {
            throw new ClipFailedException(clipId, "no-video-frames", "face-hog: the decoder delivered no video frames;"
                    + " check that the clip's video file has a video stream and a non-zero duration");
        }
        if (faces == 0) {
            throw new ClipFailedException(clipId, "no-face", "face-hog: no face found in any of " + frames
                    + " frames; check that the video shows a frontal face with enough light, or lower"
                    + " face-hog.detector.minSizeFraction / minNeighbors");
        }
        return rows.build();
    }

    /** Fraction of delivered frames with a face so far. */
    double faceRate() {
        return frames == 0 ? 0 : faces / (double) frames;
    }

    @Override
    public void close() {
        if (!released) {
            released = true;
            release.accept(worker);
        }
    }
}
