package org.mer4j.vision.pipeline;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.mer4j.api.VideoFrame;
import org.mer4j.vision.face.ExpressionOutput;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.FaceLandmarks;
import org.mer4j.vision.face.RgbImage;
import org.mer4j.vision.faceapi.FaceExpressionNet;
import org.mer4j.vision.faceapi.Landmark68Net;

/**
 * The per-clip face pipeline: detection every {@code detectEvery} frames (and on any frame without
 * a live track), tracking in between, main-face selection ({@link MainFaceSelector}), 68 landmarks
 * when a landmark model is loaded, similarity alignment to a canonical crop ({@link FaceAligner}),
 * optional export of the crops, and a count of frames without a face by {@link NoFaceReason}.
 *
 * <p>Tracking between detections: with a landmark model, the box of the previous frame's
 * landmarks seeds the landmark model on the current frame (landmark propagation), and the optical
 * flow tracker must still follow the face (the landmark net gives no confidence); otherwise
 * {@link FlowTracker} follows corner points with pyramidal Lucas-Kanade flow on a gray image
 * downscaled to {@code detectWidth}. Streaming: it keeps only the previous small gray image and
 * the last box/landmarks, never frames. Not thread-safe, with one exception: {@link FaceObservation#expression()}
 * (the expression net and its hold state) may run on one other thread, the clip's feature thread
 * ({@code face.featureThread}), while this one processes later frames; they share no state. The models are
 * borrowed, not closed.
 */
public final class FaceFramePipeline implements AutoCloseable {
    private final FacePipelineConfig cfg;
    private final FaceModels models;
    private final FaceAligner aligner;
    private final FlowTracker flow = new FlowTracker();
    /** The observations handed out, reused in turn: one, or with a feature thread one per frame in flight plus one. */
    private final FaceObservation[] ring;
    private FaceObservation obs;
    private final Map<NoFaceReason, Integer> reasons = new EnumMap<>(NoFaceReason.class);
    private final AlignedCropExporter exporter;
    private Mat frameMat = new Mat();
    private Mat small = new Mat();
    private final Mat grayFull = new Mat();
    private boolean smallValid;
    /** Every this many detections, the detector scans the whole frame even while a track is alive. */
    static final int FULL_FRAME_EVERY = 10;
    private Mat gray = new Mat();
    private Mat prevGray = new Mat();
    private final Mat rgbCrop = new Mat();
    private byte[] cropRgb = new byte[0];
    /** The downscaled detection frame's bytes (B,G,R), reused between detections. */
    private byte[] smallBgr = new byte[0];
    private final Mat detectRoi = new Mat();
    private FaceDetection track;
    private ExpressionOutput heldExpression;
    private int heldExpressionFrame = -2;
    private FaceLandmarks trackLandmarks;
    private boolean prevGrayValid;
    private int frames;
    private int faces;
    private int detections;

    /**
     * @param cfg pipeline settings
     * @param models the models to use (not closed by the pipeline)
     * @param clipId the clip, for the export folder
     */
    public FaceFramePipeline(FacePipelineConfig cfg, FaceModels models, String clipId) {
        this.cfg = cfg;
        this.models = models;
        this.aligner = new FaceAligner(cfg.cropSize(), cfg.alignEyesOnly(), cfg.margin());
        this.ring = new FaceObservation[cfg.featureThread() ? FacePipelineConfig.FEATURE_FRAMES_IN_FLIGHT + 1 : 1];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new FaceObservation(this);
        }
        this.exporter = cfg.exportAlignedTo() == null ? null
                : new AlignedCropExporter(Path.of(cfg.exportAlignedTo()), clipId, cfg.exportFormat());
    }

    /** The models in use. */
    public FaceModels models() {
        return models;
    }

    /** The settings. */
    public FacePipelineConfig config() {
        return cfg;
    }

    /**
     * Processes the next frame of the clip. The returned observation is reused by a later call: the
     * next one, or with {@code face.featureThread} the {@code FEATURE_FRAMES_IN_FLIGHT + 1}-th.
     */
    public FaceObservation process(VideoFrame frame) {
        int w = frame.width();
        int h = frame.height();
        if (frameMat.rows() != h || frameMat.cols() != w) {
            frameMat.close();
            frameMat = new Mat(h, w, CV_8UC3);
        }
        frameMat.data().put(frame.bgr(), 0, frame.bgr().length);
        double s = w > cfg.detectWidth() ? cfg.detectWidth() / (double) w : 1.0;
        smallValid = false;
        // gray first, then downscale one channel: the flow tracker (and the Haar cascade) work on it
        cvtColor(frameMat, grayFull, COLOR_BGR2GRAY);
        if (s < 1) {
            try (Size sz = new Size((int) Math.round(w * s), (int) Math.round(h * s))) {
                resize(grayFull, gray, sz, 0, 0, INTER_AREA);
            }
        } else {
            grayFull.copyTo(gray);
        }
        obs = ring[frames % ring.length];
        obs.reset(frames, frame.time(), w, h);
        frames++;

        boolean detectNow = track == null || (obs.frameIndex % cfg.detectEvery() == 0);
        FaceDetection box = null;
        NoFaceReason why = null;
        RgbImage rgb = null;
        FaceLandmarks followed = null;
        if (detectNow) {
            detections++;
            List<FaceDetection> found = detect(s, track);
            List<FaceDetection> good = new ArrayList<>(found.size());
            for (FaceDetection d : found) {
                if (d.score() >= cfg.minScore()) {
                    good.add(d);
                }
            }
            if (good.isEmpty()) {
                why = found.isEmpty() ? NoFaceReason.NO_DETECTION : NoFaceReason.LOW_SCORE;
            } else {
                box = good.get(MainFaceSelector.select(good, w, h, track));
                obs.detected = true;
            }
        } else {
            boolean useLandmarks = models.landmarks() != null && trackLandmarks != null
                    && (cfg.tracking().equals("auto") || cfg.tracking().equals("landmarks"));
            if (useLandmarks) {
                // landmark propagation, checked by optical flow: the landmark net has no confidence, so a
                // face that vanished between detections is caught by the flow tracker losing its points
                FaceDetection moved = prevGrayValid ? flow.track(prevGray, gray, scaled(track, s)) : null;
                if (prevGrayValid && moved == null) {
                    box = null;
                } else {
                    box = boxOf(trackLandmarks, w, h);
                    if (moved != null && obs.frameIndex % cfg.landmarkEvery() != 0) {
                        // not a landmark-net frame: the previous points follow the box's flow motion
                        followed = follow(trackLandmarks, scaled(track, s), moved, 1 / s);
                    }
                }
            } else if (cfg.tracking().equals("hold")) {
                box = track;
            } else if (prevGrayValid && (cfg.tracking().equals("auto") || cfg.tracking().equals("flow"))) {
                FaceDetection t = flow.track(prevGray, gray, scaled(track, s));
                box = t == null ? null : scaled(t, 1 / s);
            } else {
                box = track;
            }
            if (box == null) {
                why = NoFaceReason.LOST_TRACK;
            }
        }
        FaceLandmarks lm = null;
        if (box != null && models.landmarks() != null) {
            rgb = rgbOf(frame);
            lm = followed != null ? followed : models.landmarks().locate(rgb, box);
            if (!plausible(lm, w, h)) {
                lm = null;
                box = null;
                why = detectNow ? NoFaceReason.NO_DETECTION : NoFaceReason.LOST_TRACK;
            } else if (!detectNow) {
                box = boxOf(lm, w, h);
            }
        }
        if (box != null && (box.width() < 4 || box.height() < 4)) {
            box = null;
            why = detectNow ? NoFaceReason.NO_DETECTION : NoFaceReason.LOST_TRACK;
        }
        track = box;
        trackLandmarks = lm;
        Mat t = prevGray;
        prevGray = gray;
        gray = t;
        prevGrayValid = true;

        if (box == null) {
            obs.reason = why;
            reasons.merge(why, 1, Integer::sum);
            return obs;
        }
        faces++;
        obs.present = true;
        obs.box = box;
        obs.landmarks = lm;
        obs.frameRgb = lm != null ? rgb : null;
        obs.toCrop = lm != null ? aligner.fromLandmarks(lm) : aligner.fromBox(box);
        obs.alignedLandmarks = lm != null ? obs.toCrop.apply(lm.xy()) : null;
        aligner.warp(frameMat, obs.toCrop, obs.crop);
        if (exporter != null) {
            exporter.write(obs.frameIndex, obs.crop);
        }
        return obs;
    }

    /**
     * Runs the detector on the downscaled frame. While a track is alive, most detection frames of a
     * {@link BgrFaceDetector} (the Haar cascade) look only at a region of interest around the track (the box grown by its size on each side),
     * for faces of 0.6 to 1.6 times the tracked size:
     * the face is re-anchored at a fraction of the cost; every {@link #FULL_FRAME_EVERY}-th
     * detection scans the whole frame so that the main-face choice can change.
     */
    private List<FaceDetection> detect(double s, FaceDetection current) {
        int sw = gray.cols();
        int sh = gray.rows();
        // scan cost grows with the area for sliding-window detectors (Haar); a CNN detector that resizes its
        // input to a fixed size (the tiny face detector) gains nothing, so it always sees the whole frame
        boolean roi = current != null && models.detector() instanceof BgrFaceDetector && (detections % FULL_FRAME_EVERY != 0);
        int x0 = 0;
        int y0 = 0;
        int x1 = sw;
        int y1 = sh;
        if (roi) {
            x0 = clamp((int) Math.floor((current.x() - current.width()) * s), 0, sw - 1);
            y0 = clamp((int) Math.floor((current.y() - current.height()) * s), 0, sh - 1);
            x1 = clamp((int) Math.ceil((current.x() + 2 * current.width()) * s), x0 + 1, sw);
            y1 = clamp((int) Math.ceil((current.y() + 2 * current.height()) * s), y0 + 1, sh);
            if (x1 - x0 < 24 || y1 - y0 < 24) {
                x0 = 0;
                y0 = 0;
                x1 = sw;
                y1 = sh;
            }
        }
        List<FaceDetection> raw;
        double side = roi ? Math.max(current.width(), current.height()) * s : 0;
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0)) {
            raw = detectIn(r, 0.6 * side, 1.6 * side);
        }
        List<FaceDetection> out = new ArrayList<>(raw.size());
        for (FaceDetection d : raw) {
            out.add(new FaceDetection((d.x() + x0) / s, (d.y() + y0) / s, d.width() / s, d.height() / s, d.score()));
        }
        return out;
    }

    /** Detects inside {@code r} of the small frame; sides in [minSide, maxSide] when maxSide > 0. */
    private List<FaceDetection> detectIn(Rect r, double minSide, double maxSide) {
        if (models.detector() instanceof BgrFaceDetector b && b.acceptsGray()) {
            try (Mat roi = new Mat(gray, r)) {
                return maxSide > 0 ? b.detect(roi, minSide, maxSide) : b.detect(roi);
            }
        }
        ensureSmall();
        try (Mat roi = new Mat(small, r)) {
            if (models.detector() instanceof BgrFaceDetector b) {
                return maxSide > 0 ? b.detect(roi, minSide, maxSide) : b.detect(roi);
            }
            int sw = roi.cols();
            int sh = roi.rows();
            int n = sw * sh * 3;
            if (smallBgr.length != n) {
                smallBgr = new byte[n];
            }
            roi.copyTo(detectRoi); // a region of interest is not continuous in memory: copy it into one block
            detectRoi.data().get(smallBgr);
            return models.detector().detect(new RgbImage(sw, sh, smallBgr, true));
        }
    }

    private void ensureSmall() {
        if (smallValid) {
            return;
        }
        if (gray.cols() == frameMat.cols()) {
            frameMat.copyTo(small);
        } else {
            try (Size sz = new Size(gray.cols(), gray.rows())) {
                resize(frameMat, small, sz, 0, 0, INTER_AREA);
            }
        }
        smallValid = true;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private RgbImage rgbOf(VideoFrame frame) {
        return RgbImage.fromBgr(frame);
    }

    ExpressionOutput classifyExpression(FaceObservation o) {
        if (models.expression() == null) {
            return null;
        }
        if (o.frameIndex % cfg.expressionEvery() != 0 && heldExpression != null && heldExpressionFrame == o.frameIndex - 1) {
            heldExpressionFrame = o.frameIndex; // not an expression-net frame and the face was there just before: hold
            return heldExpression;
        }
        heldExpression = runExpression(o);
        heldExpressionFrame = o.frameIndex;
        return heldExpression;
    }

    private ExpressionOutput runExpression(FaceObservation o) {
        if (o.landmarks != null && o.frameRgb != null && models.expression() instanceof FaceExpressionNet net) {
            return net.classify(o.frameRgb, Landmark68Net.alignedBox(o.landmarks, 1.0));
        }
        Mat crop = o.crop;
        cvtColor(crop, rgbCrop, COLOR_BGR2RGB);
        int n = crop.rows() * crop.cols() * 3;
        if (cropRgb.length != n) {
            cropRgb = new byte[n];
        }
        rgbCrop.data().get(cropRgb);
        return models.expression().classify(new RgbImage(crop.cols(), crop.rows(), cropRgb.clone()));
    }

    /**
     * {@code lm} moved as the face box moved from {@code from} to {@code to} (centre shift and size
     * ratio, in the small frame's pixels; {@code toFull} scales back to the frame).
     */
    static FaceLandmarks follow(FaceLandmarks lm, FaceDetection from, FaceDetection to, double toFull) {
        double k = Math.sqrt((to.width() * to.height()) / Math.max(1e-9, from.width() * from.height()));
        double fx = (from.x() + from.width() / 2) * toFull;
        double fy = (from.y() + from.height() / 2) * toFull;
        double tx = (to.x() + to.width() / 2) * toFull;
        double ty = (to.y() + to.height() / 2) * toFull;
        double[] xy = lm.xy().clone();
        for (int i = 0; i < xy.length; i += 2) {
            xy[i] = tx + (xy[i] - fx) * k;
            xy[i + 1] = ty + (xy[i + 1] - fy) * k;
        }
        return new FaceLandmarks(xy);
    }

    private static FaceDetection scaled(FaceDetection d, double s) {
        return new FaceDetection(d.x() * s, d.y() * s, d.width() * s, d.height() * s, d.score());
    }

    /** A square box around the landmarks (their bounding box, made square about its centre). */
    static FaceDetection boxOf(FaceLandmarks lm, int w, int h) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int i = 0; i < FaceLandmarks.POINTS; i++) {
            x0 = Math.min(x0, lm.x(i));
            x1 = Math.max(x1, lm.x(i));
            y0 = Math.min(y0, lm.y(i));
            y1 = Math.max(y1, lm.y(i));
        }
        double side = Math.max(1, Math.max(x1 - x0, y1 - y0));
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        return new FaceDetection(cx - side / 2, cy - side / 2, side, side, 1.0);
    }

    private static boolean plausible(FaceLandmarks lm, int w, int h) {
        if (lm == null) {
            return false;
        }
        double[] xy = lm.xy();
        for (double v : xy) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        double iod = Math.hypot(lm.x(45) - lm.x(36), lm.y(45) - lm.y(36));
        double cx = (lm.x(36) + lm.x(45)) / 2;
        double cy = (lm.y(36) + lm.y(45)) / 2;
        return iod > 3 && cx > -0.25 * w && cx < 1.25 * w && cy > -0.25 * h && cy < 1.25 * h;
    }

    /** Frames processed so far. */
    public int frames() {
        return frames;
    }

    /** Frames with a face so far. */
    public int faces() {
        return faces;
    }

    /** Frames the detector ran on. */
    public int detections() {
        return detections;
    }

    /** Frames without a face, by reason. */
    public Map<NoFaceReason, Integer> reasons() {
        return new EnumMap<>(reasons);
    }

    /** One log line: faces per frames, reasons, detector runs, backend. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("face in ").append(faces).append('/').append(frames).append(" frames");
        for (NoFaceReason r : NoFaceReason.values()) {
            sb.append(", ").append(r.label()).append(' ').append(reasons.getOrDefault(r, 0));
        }
        sb.append("; detector ran on ").append(detections).append(" frames (").append(models.backend()).append(", ")
                .append(models.detector().name()).append(models.landmarks() != null ? ", 68 landmarks" : ", no landmarks").append(')');
        return sb.toString();
    }

    /** Finishes the export, if any (call once the clip is done). */
    public void commitExport() {
        if (exporter != null) {
            exporter.commit();
        }
    }

    /** Drops a partial export. */
    public void abortExport() {
        if (exporter != null) {
            exporter.abort();
        }
    }

    @Override
    public void close() {
        aligner.close();
        flow.close();
        for (FaceObservation o : ring) {
            o.close();
        }
        frameMat.close();
        small.close();
        grayFull.close();
        gray.close();
        prevGray.close();
        rgbCrop.close();
        detectRoi.close();
    }
}
