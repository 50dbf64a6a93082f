package org.mer4j.api;

/**
 * ServiceLoader entry point of an extractor (register it in
 * {@code META-INF/services/org.mer4j.api.FeatureExtractorProvider}). Configs name it by
 * {@link #name()}; the YAML block under it is mapped onto {@link #configType()} with unknown keys
 * rejected.
 *
 * @param <C> the config record type
 */
public interface FeatureExtractorProvider<C extends Record> {

    /** Unique name used in configs. */
    String name();

    /** The modality the extractor serves. */
    Modality modality();

    /** The config record type. */
    Class<C> configType();

    /** The config used when the YAML gives none. */
    C defaultConfig();

    /** Builds the extractor. */
    FeatureExtractor create(C config);
}
