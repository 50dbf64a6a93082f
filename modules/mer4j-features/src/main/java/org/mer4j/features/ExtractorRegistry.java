package org.mer4j.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.RecordSettings;

/**
 * The extractors found on the class path through {@link ServiceLoader}. Two providers with one
 * name fail at start-up; an unknown name fails listing the known ones; a config block is mapped
 * onto the provider's config record with unknown keys rejected.
 */
public final class ExtractorRegistry {
    private final Map<String, FeatureExtractorProvider<?>> providers;

    private ExtractorRegistry(Map<String, FeatureExtractorProvider<?>> providers) {
        this.providers = providers;
    }

    /** Loads every provider on the class path. */
    public static ExtractorRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    /** Loads every provider visible to {@code loader} (plug-in jars). */
    public static ExtractorRegistry load(ClassLoader loader) {
        Map<String, FeatureExtractorProvider<?>> found = new TreeMap<>();
        for (FeatureExtractorProvider<?> p : ServiceLoader.load(FeatureExtractorProvider.class, loader)) {
            FeatureExtractorProvider<?> old = found.put(p.name(), p);
            if (old != null) {
                throw new IllegalStateException("two feature extractors are named '" + p.name() + "': "
                        + old.getClass().getName() + " and " + p.getClass().getName() + "; rename one of them");
            }
        }
        return new ExtractorRegistry(found);
    }

    public java.util.Set<String> names() {
        return providers.keySet();
    }

    public FeatureExtractorProvider<?> provider(String name, String configPath) {
        FeatureExtractorProvider<?> p = providers.get(name);
        if (p == null) {
            throw new IllegalArgumentException(configPath + ": unknown feature extractor '" + name + "'; known: " + providers.keySet());
        }
        return p;
    }

    /**
     * Builds an extractor from a config block.
     *
     * @param name provider name
     * @param settings its YAML/JSON block, null or empty for the defaults
     * @param configPath where the block sits in the experiment config, for error messages
     */
    public FeatureExtractor create(String name, JsonNode settings, String configPath) {
        return build(provider(name, configPath), settings, configPath);
    }

    /** Maps a config block onto the provider's record without building the extractor: a check for config loading. */
    public Record config(String name, JsonNode settings, String configPath) {
        return configOf(provider(name, configPath), settings, configPath);
    }

    private static <C extends Record> C configOf(FeatureExtractorProvider<C> p, JsonNode settings, String configPath) {
        return RecordSettings.map(p.configType(), p.defaultConfig(), settings, configPath);
    }

    private static <C extends Record> FeatureExtractor build(FeatureExtractorProvider<C> p, JsonNode settings, String configPath) {
        C config = RecordSettings.map(p.configType(), p.defaultConfig(), settings, configPath);
        return p.create(config);
    }
}
