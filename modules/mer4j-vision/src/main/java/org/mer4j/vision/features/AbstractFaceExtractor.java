package org.mer4j.vision.features;

import java.util.function.Function;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.Modality;
import org.mer4j.vision.pipeline.FaceModelLoader;
import org.mer4j.vision.pipeline.FaceModels;
import org.mer4j.vision.pipeline.FacePipelineConfig;

/**
 * Skeleton of the {@code face-*} extractors: each session shares the clip's face pipeline
 * ({@link SharedFacePipelines}) and adds its own {@link FaceFeature} per frame. Subclasses say
 * which models they need; an extractor that needs landmarks or the expression net fails at
 * creation when the face-api weights are not installed, and a clip fails with reason
 * {@code face-model-missing} when the loaded models lack what it needs.
 *
 * @param <C> the config record
 */
abstract class AbstractFaceExtractor<C extends Record> implements FeatureExtractor {
    private final String name;
    private final C config;
    private final FacePipelineConfig face;
    private final Function<FacePipelineConfig, FaceModels> models;
    private boolean closed;

    AbstractFaceExtractor(String name, C config, FacePipelineConfig face, Function<FacePipelineConfig, FaceModels> models) {
        this.name = name;
        this.config = config;
        this.face = face;
        this.models = models;
        SharedFacePipelines.extractorOpened();
    }

    /** The default model factory: face-api when installed, Haar fallback otherwise. */
    static Function<FacePipelineConfig, FaceModels> defaultModels() {
        return DEFAULT;
    }

    private static final Function<FacePipelineConfig, FaceModels> DEFAULT = FaceModelLoader::open;

    /** Throws a config error naming the install command when the weights this extractor needs are absent. */
    static void requireInstalledWeights(String name, FacePipelineConfig face) {
        var api = FaceModelLoader.locate(face);
        if (!api.isInstalled()) {
            throw new IllegalArgumentException(name + " needs the face-api landmark/expression weights, which are not installed in "
                    + api.directory() + ": run " + FaceModelLoader.INSTALL_HINT + " (or set face.modelsDir); without them only"
                    + " face-hog and face-crop-hog run");
        }
    }

    boolean needsLandmarks() {
        return false;
    }

    boolean needsExpression() {
        return false;
    }

    /** A new per-session feature. */
    abstract FaceFeature newFeature(FaceModels models);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Modality modality() {
        return Modality.VIDEO;
    }

    @Override
    public final C config() {
        return config;
    }

    @Override
    public final boolean needsVideo() {
        return true;
    }

    @Override
    public ExtractionSession open(ClipSource source) throws ClipFailedException {
        if (closed) {
            throw new IllegalStateException(name + " extractor is closed");
        }
        String clipId = source.clip().id();
        SharedFacePipelines.Lease lease = SharedFacePipelines.acquire(clipId, face, models);
        FaceModels m = lease.models();
        if ((needsLandmarks() && m.landmarks() == null) || (needsExpression() && m.expression() == null)) {
            lease.release(true);
            throw new ClipFailedException(clipId, "face-model-missing", name + " needs the face-api "
                    + (needsExpression() ? "expression" : "68-landmark") + " model, but the face models in use ("
                    + m.backend() + ") have none; run " + FaceModelLoader.INSTALL_HINT + " and check the log for load errors");
        }
        FaceFeature feature;
        try {
            feature = newFeature(m);
        } catch (RuntimeException e) {
            lease.release(true);
            throw e;
        }
        return new FaceFeatureSession(name, clipId, lease, feature);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            SharedFacePipelines.extractorClosed();
        }
    }
}
