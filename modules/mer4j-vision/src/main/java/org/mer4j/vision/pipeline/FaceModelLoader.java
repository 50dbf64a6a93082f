package org.mer4j.vision.pipeline;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mer4j.vision.face.ExpressionModel;
import org.mer4j.vision.face.FaceDetector;
import org.mer4j.vision.face.LandmarkModel;
import org.mer4j.vision.faceapi.FaceApiModels;
import org.mer4j.vision.faceapi.FaceExpressionNet;
import org.mer4j.vision.faceapi.FaceNetEngine;
import org.mer4j.vision.faceapi.Landmark68Net;
import org.mer4j.vision.faceapi.TinyFaceDetector;
import org.mer4j.vision.faceapi.TinyFaceDetectorOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the face models a pipeline runs with. When the face-api weights are installed
 * ({@code tools/mer4j models install}) it loads the DJL ports of the tiny face detector and, where
 * the 68-landmark and expression nets; otherwise it falls back to the OpenCV Haar cascade
 * with no landmark or expression model, and says so once per JVM in the log.
 */
public final class FaceModelLoader {
    private static final Logger LOG = LoggerFactory.getLogger(FaceModelLoader.class);
    private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();
    /**
     * Input side of the tiny face detector. Talking-head video has faces that fill much of the
     * frame; at face-api's default 416 the detector misses the RAVDESS face in 72 of 122 frames (so
     * does face-api's own JavaScript), at 224 it finds all 122, three times faster.
     */
    static final int DETECTOR_INPUT_SIZE = 224;
    /** What to run to get the weights. */
    public static final String INSTALL_HINT = "tools/mer4j models install";
    private FaceModelLoader() {
    }

    /** The face-api weight locator for this config. */
    public static FaceApiModels locate(FacePipelineConfig cfg) {
        return cfg.modelsDir() != null ? FaceApiModels.at(Path.of(cfg.modelsDir())) : FaceApiModels.locate();
    }

    /** Opens the best models available for {@code cfg}; never fails for missing weights (Haar fallback). */
    public static FaceModels open(FacePipelineConfig cfg) {
        FaceApiModels api = locate(cfg);
        if (api.isInstalled()) {
            FaceDetector det = null;
            LandmarkModel lm = null;
            try {
                FaceNetEngine engine = cfg.netEngine();
                det = new TinyFaceDetector(api, TinyFaceDetectorOptions.of(DETECTOR_INPUT_SIZE, Math.min(cfg.minScore(), 0.5)), engine);
                lm = new Landmark68Net(api, engine);
                ExpressionModel ex = new FaceExpressionNet(api, engine);
                return new FaceModels("face-api", det, lm, ex);
            } catch (RuntimeException | LinkageError e) {
                if (det != null) {
                    det.close();
                }
                if (lm != null) {
                    lm.close();
                }
                LOG.warn("face models: the face-api weights in {} could not be loaded ({}); using the Haar fallback",
                        api.directory(), e.toString());
            }
        }
        if (FALLBACK_LOGGED.compareAndSet(false, true)) {
            LOG.warn("face models: no usable face-api weights in {}; using the OpenCV Haar detector with handcrafted"
                    + " features only (no landmarks, no rotation in the alignment; face-expression, face-landmarks and"
                    + " face-geometry cannot run). Run {} to install them.", api.directory(), INSTALL_HINT);
        }
        return haarOnly(cfg);
    }

    /** The fallback: Haar detector only. */
    public static FaceModels haarOnly(FacePipelineConfig cfg) {
        return new FaceModels("haar-fallback", new HaarDetectorAdapter(cfg.haar()), null, null);
    }
}
