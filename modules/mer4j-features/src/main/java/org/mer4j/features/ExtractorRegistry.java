package org.mer4j.features;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;

/**
 * The extractors found on the class path through {@link ServiceLoader}. Two providers with one
 * name fail at start-up; an unknown name fails listing the known ones; a config block is mapped
 * onto the provider's config record with unknown keys rejected.
 */
public final class ExtractorRegistry {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final Map<String, FeatureExtractorProvider<?>> providers;

    private ExtractorRegistry(Map<String, FeatureExtractorProvider<?>> providers) {
        this.providers = providers;
    }

    /** Loads every provider on the class path. */
    public static ExtractorRegistry load() {
        Map<String, FeatureExtractorProvider<?>> found = new TreeMap<>();
        for (FeatureExtractorProvider<?> p : ServiceLoader.load(FeatureExtractorProvider.class)) {
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
        return mapConfig(p.configType(), p.defaultConfig(), settings, configPath);
    }

    private static <C extends Record> FeatureExtractor build(FeatureExtractorProvider<C> p, JsonNode settings, String configPath) {
        C config = mapConfig(p.configType(), p.defaultConfig(), settings, configPath);
        return p.create(config);
    }

    /** Copies {@code settings} onto {@code target}; nested sections merge key by key, so a nested record keeps its defaults. */
    private static void deepMerge(com.fasterxml.jackson.databind.node.ObjectNode target, com.fasterxml.jackson.databind.node.ObjectNode settings) {
        settings.fields().forEachRemaining(e -> {
            JsonNode old = target.get(e.getKey());
            if (old instanceof com.fasterxml.jackson.databind.node.ObjectNode o
                    && e.getValue() instanceof com.fasterxml.jackson.databind.node.ObjectNode n) {
                deepMerge(o, n);
            } else {
                target.set(e.getKey(), e.getValue());
            }
        });
    }

    /**
     * Maps a settings block onto a config record, filling absent keys (also of nested sections) from the defaults; unknown keys
     * and invalid values fail naming the config path.
     */
    public static <C extends Record> C mapConfig(Class<C> type, C defaults, JsonNode settings, String configPath) {
        if (settings == null || settings.isNull() || settings.isEmpty()) {
            return defaults;
        }
        try {
            com.fasterxml.jackson.databind.node.ObjectNode merged = STRICT.valueToTree(defaults);
            deepMerge(merged, (com.fasterxml.jackson.databind.node.ObjectNode) settings);
            return STRICT.treeToValue(merged, type);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(configPath + "." + e.getPropertyName() + ": unknown key; known keys: "
                    + e.getKnownPropertyIds(), e);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(configPath + ": expected a mapping of settings, got " + settings, e);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalArgumentException(configPath + ": invalid settings " + settings + ": " + root.getMessage(), e);
        }
    }
}
