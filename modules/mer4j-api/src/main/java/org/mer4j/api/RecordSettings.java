package org.mer4j.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Settings blocks of a config (an extractor's, a fusion model's, a task's, {@code train:}) mapped onto
 * the plug-in's config record over its defaults: absent keys, also of nested sections, keep the
 * default; unknown keys and invalid values fail naming the config path. Every plug-in config is read
 * this way, so a setting means the same in a YAML experiment, a test and a contract case.
 */
public final class RecordSettings {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RecordSettings() {
    }

    /**
     * Maps {@code settings} onto {@code type} over {@code defaults}.
     *
     * @param settings the YAML/JSON block; null or empty for the defaults
     * @param configPath where the block sits in the config, for error messages (e.g. {@code rows[2].fusion})
     * @throws IllegalArgumentException naming the path, the key and what is known or expected
     */
    public static <C extends Record> C map(Class<C> type, C defaults, JsonNode settings, String configPath) {
        if (settings == null || settings.isNull() || settings.isEmpty()) {
            return defaults;
        }
        try {
            ObjectNode merged = STRICT.valueToTree(defaults);
            deepMerge(merged, (ObjectNode) settings);
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

    /** {@link #map(Class, Record, JsonNode, String)} for settings given as a map (tests, embedding code). */
    public static <C extends Record> C map(Class<C> type, C defaults, Map<String, ?> settings, String configPath) {
        return map(type, defaults, (JsonNode) STRICT.valueToTree(settings), configPath);
    }

    /** Copies {@code settings} onto {@code target}; nested sections merge key by key, so a nested record keeps its defaults. */
    private static void deepMerge(ObjectNode target, ObjectNode settings) {
        settings.fields().forEachRemaining(e -> {
            JsonNode old = target.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                deepMerge(o, n);
            } else {
                target.set(e.getKey(), e.getValue());
            }
        });
    }
}
