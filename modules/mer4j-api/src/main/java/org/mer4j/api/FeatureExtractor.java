package org.mer4j.api;

/**
 * A configured extractor: it turns one modality of a clip into a {@link FeatureTrack}.
 * Created by a {@link FeatureExtractorProvider} from a typed config record.
 */
public interface FeatureExtractor extends AutoCloseable {

    /** The provider name, e.g. {@code face-hog}. Part of the feature cache key. */
    String name();

    /** The modality whose track this extractor produces. */
    Modality modality();

    /** The typed configuration; its canonical JSON is hashed into the feature cache key. */
    Record config();

    /** Whether this extractor wants decoded video frames. */
    default boolean needsVideo() {
        return false;
    }

    /** Whether this extractor wants decoded audio. */
    default boolean needsAudio() {
        return false;
    }

    /**
     * The sha256 of every file this extractor's output depends on beyond its config (model
     * weights, vocabularies, lexicons), by role. They are part of the feature cache key, so a file
     * replaced at the same path never reuses features made with the old one. Default: none.
     *
     * @throws java.io.IOException when such a file cannot be read
     */
    default java.util.Map<String, String> fileDigests() throws java.io.IOException {
        return java.util.Map.of();
    }

    /**
     * Whether the track's values are ids (word or word-piece ids that a model looks up in an
     * embedding table), not measurements. The framework never standardises such columns, so an id
     * reaches the model exactly as written; the timeline should not average them (one value per
     * step). Default: false.
     */
    default boolean holdsIds() {
        return false;
    }

    /** Opens the per-clip state. Words are available from the source right away. */
    ExtractionSession open(ClipSource source) throws ClipFailedException;

    @Override
    default void close() {
    }
}
