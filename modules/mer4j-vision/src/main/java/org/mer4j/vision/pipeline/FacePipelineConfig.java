package org.mer4j.vision.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.mer4j.vision.HaarFaceConfig;

/**
 * Settings of the face pipeline shared by the {@code face-*} extractors (the {@code face:} block of
 * their configs): detection, tracking, main-face selection and alignment.
 *
 * @param haar Haar cascade settings, used when the face-api weights are not installed (default {@link HaarFaceConfig#defaults()})
 * @param detectEvery run the detector on every k-th frame and track in between, in [1, 300] (default 5); a frame with no live track is always a detection frame
 * @param detectWidth frames wider than this are downscaled for detection and optical flow, in [64, 4096] pixels (default 320)
 * @param minScore detections scoring below this are ignored (counted as {@code low-score}), in [0, 1] (default 0.5; Haar boxes score 1)
 * @param tracking between detections: {@code auto} (landmark propagation when a landmark model is loaded, else optical flow),
 *                 {@code landmarks}, {@code flow}, or {@code hold} (keep the last box) (default {@code auto})
 * @param cropSize side of the aligned square crop in pixels, in [16, 1024] (default 112)
 * @param alignEyesOnly align on the eye centres only instead of eyes + nose tip + mouth corners (default false)
 * @param margin fallback crop margin around a detector box (no landmarks) per side, as a fraction of its size, in [0, 1] (default 0.1)
 * @param exportAlignedTo folder to write aligned crops to, one sub-folder per clip written atomically; null or empty = off (default off)
 * @param exportFormat {@code png} or {@code jpg} (default {@code png})
 * @param modelsDir folder of the face-api weights; null = where {@code tools/mer4j models install} puts them (see
 *                  {@link org.mer4j.vision.faceapi.FaceApiModels#locate()}) (default null)
 * @param engine what runs the face-api nets: {@code onnxruntime} (default; fused native graphs) or {@code pytorch}
 *               (DJL, the reference port); see {@link org.mer4j.vision.faceapi.FaceNetEngine}
 * @param landmarkEvery run the 68-landmark net on every k-th frame, in [1, 30] (default 1: every frame); in between the
 *                      previous landmarks follow the optical-flow motion of the face box (shift and scale). Detection
 *                      frames and frames after a lost track always run it. A speed lever: its accuracy cost is
 *                      measured by {@code tools/bench/faces-speed.sh}
 * @param expressionEvery run the expression net on every k-th frame, in [1, 30] (default 1); in between the last output is
 *                        held while the face stays tracked (a speed lever, measured like {@code landmarkEvery})
 * @param featureThread compute the per-frame features (expression net, head pose, crop HOG, the rows) on a second thread
 *                      per clip while the calling thread detects, tracks and runs the landmark net on the next frames
 *                      (at most {@link #FEATURE_FRAMES_IN_FLIGHT} frames ahead); the rows are identical either way
 *                      (default false: one thread per clip, the right choice when extraction already runs clips in
 *                      parallel on every core). Not part of the feature-store key, since it does not change any output
 */
public record FacePipelineConfig(HaarFaceConfig haar, Integer detectEvery, Integer detectWidth, Double minScore, String tracking,
                                 Integer cropSize, Boolean alignEyesOnly, Double margin, String exportAlignedTo,
                                 String exportFormat, String modelsDir, String engine, Integer landmarkEvery,
                                 Integer expressionEvery,
                                 @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Boolean featureThread) {
    /** With {@code featureThread}, how many frames the calling thread may run ahead of the feature thread. */
    public static final int FEATURE_FRAMES_IN_FLIGHT = 6;

    public FacePipelineConfig {
        // absent keys of a partial face: block take the defaults (boxed so that Jackson leaves them null)
        if (haar == null) {
            haar = HaarFaceConfig.defaults();
        }
        detectEvery = detectEvery == null ? 5 : detectEvery;
        detectWidth = detectWidth == null ? 320 : detectWidth;
        minScore = minScore == null ? 0.5 : minScore;
        cropSize = cropSize == null ? 112 : cropSize;
        alignEyesOnly = alignEyesOnly != null && alignEyesOnly;
        margin = margin == null ? 0.1 : margin;
        if (detectEvery < 1 || detectEvery > 300) {
            throw new IllegalArgumentException("face.detectEvery must be in [1, 300] frames, got " + detectEvery + "; 1 detects on every frame");
        }
        if (detectWidth < 64 || detectWidth > 4096) {
            throw new IllegalArgumentException("face.detectWidth must be in [64, 4096] pixels, got " + detectWidth + "; 320 is the default");
        }
        if (!(minScore >= 0) || minScore > 1) {
            throw new IllegalArgumentException("face.minScore must be in [0, 1], got " + minScore + "; 0.5 is the default");
        }
        if (tracking == null || tracking.isBlank()) {
            tracking = "auto";
        }
        if (!tracking.equals("auto") && !tracking.equals("landmarks") && !tracking.equals("flow") && !tracking.equals("hold")) {
            throw new IllegalArgumentException("face.tracking must be one of auto, landmarks, flow, hold; got '" + tracking + "'");
        }
        if (cropSize < 16 || cropSize > 1024) {
            throw new IllegalArgumentException("face.cropSize must be in [16, 1024] pixels, got " + cropSize + "; 112 is the default");
        }
        if (!(margin >= 0) || margin > 1) {
            throw new IllegalArgumentException("face.margin must be in [0, 1], got " + margin + "; 0.1 adds 10% on each side");
        }
        if (exportAlignedTo != null && exportAlignedTo.isBlank()) {
            exportAlignedTo = null;
        }
        if (exportFormat == null || exportFormat.isBlank()) {
            exportFormat = "png";
        }
        if (!exportFormat.equals("png") && !exportFormat.equals("jpg")) {
            throw new IllegalArgumentException("face.exportFormat must be png or jpg, got '" + exportFormat + "'");
        }
        if (modelsDir != null && modelsDir.isBlank()) {
            modelsDir = null;
        }
        engine = org.mer4j.vision.faceapi.FaceNetEngine.parse(engine).label();
        landmarkEvery = landmarkEvery == null ? 1 : landmarkEvery;
        expressionEvery = expressionEvery == null ? 1 : expressionEvery;
        if (landmarkEvery < 1 || landmarkEvery > 30) {
            throw new IllegalArgumentException("face.landmarkEvery must be in [1, 30] frames, got " + landmarkEvery + "; 1 runs the landmark net on every frame");
        }
        if (expressionEvery < 1 || expressionEvery > 30) {
            throw new IllegalArgumentException("face.expressionEvery must be in [1, 30] frames, got " + expressionEvery + "; 1 runs the expression net on every frame");
        }
        featureThread = featureThread != null && featureThread;
    }

    /** The engine of the face-api nets. */
    public org.mer4j.vision.faceapi.FaceNetEngine netEngine() {
        return org.mer4j.vision.faceapi.FaceNetEngine.parse(engine);
    }

    /** Detect every 5 frames at 320 pixels wide, optical-flow or landmark tracking, 112x112 five-point alignment, no export. */
    public static FacePipelineConfig defaults() {
        return new FacePipelineConfig(HaarFaceConfig.defaults(), 5, 320, 0.5, "auto", 112, false, 0.1, null, "png", null, null, 1, 1, false);
    }

    /** A copy with another detection interval. */
    public FacePipelineConfig withDetectEvery(int k) {
        return new FacePipelineConfig(haar, k, detectWidth, minScore, tracking, cropSize, alignEyesOnly, margin, exportAlignedTo, exportFormat, modelsDir, engine, landmarkEvery, expressionEvery, featureThread);
    }

    /** A copy with other net rates and engine (the speed levers). */
    public FacePipelineConfig withNets(String engine, int landmarkEvery, int expressionEvery) {
        return new FacePipelineConfig(haar, detectEvery, detectWidth, minScore, tracking, cropSize, alignEyesOnly, margin, exportAlignedTo,
                exportFormat, modelsDir, engine, landmarkEvery, expressionEvery, featureThread);
    }

    /** A copy computing the features on a second thread per clip, or not. */
    public FacePipelineConfig withFeatureThread(boolean on) {
        return new FacePipelineConfig(haar, detectEvery, detectWidth, minScore, tracking, cropSize, alignEyesOnly, margin, exportAlignedTo,
                exportFormat, modelsDir, engine, landmarkEvery, expressionEvery, on);
    }

    /** A copy exporting aligned crops to {@code folder}. */
    public FacePipelineConfig withExport(String folder) {
        return new FacePipelineConfig(haar, detectEvery, detectWidth, minScore, tracking, cropSize, alignEyesOnly, margin, folder, exportFormat, modelsDir, engine, landmarkEvery, expressionEvery, featureThread);
    }
}
