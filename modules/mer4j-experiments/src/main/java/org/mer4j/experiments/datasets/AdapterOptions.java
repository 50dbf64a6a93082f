package org.mer4j.experiments.datasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.ManifestException;

/**
 * The {@code data.options} of one dataset adapter, checked against the keys it documents: an
 * unknown key is an error that names it and lists the valid ones, so a misspelt option never
 * silently falls back to its default.
 */
final class AdapterOptions {
    private final String adapter;
    private final Map<String, String> values;
    private final List<String> keys;

    private AdapterOptions(String adapter, Map<String, String> values, List<String> keys) {
        this.adapter = adapter;
        this.values = values;
        this.keys = keys;
    }

    /**
     * @param adapter the adapter name, for messages
     * @param given the options as written in the config
     * @param keys every option the adapter takes
     * @throws ManifestException naming an unknown key and the valid ones
     */
    static AdapterOptions of(String adapter, Map<String, String> given, String... keys) {
        List<String> known = List.of(keys);
        for (String k : given.keySet()) {
            if (!known.contains(k)) {
                throw new ManifestException("data.options." + k + ": dataset adapter '" + adapter + "' has no option '" + k
                        + "'; its options are " + known + " (see data-manifests/README.md)");
            }
        }
        return new AdapterOptions(adapter, new LinkedHashMap<>(given), known);
    }

    /** Whether the config gives {@code key}. */
    boolean has(String key) {
        requireKnown(key);
        String v = values.get(key);
        return v != null && !v.isBlank();
    }

    /** The value of {@code key}, stripped, or {@code def} when not given. */
    String string(String key, String def) {
        requireKnown(key);
        String v = values.get(key);
        return v == null || v.isBlank() ? def : v.strip();
    }

    /**
     * The value of {@code key}, which must be one of {@code allowed}; {@code def} when not given.
     *
     * @throws ManifestException naming the key, the value and the allowed values
     */
    String choice(String key, String def, List<String> allowed) {
        String v = string(key, def);
        if (!allowed.contains(v)) {
            throw new ManifestException("data.options." + key + ": '" + org.mer4j.api.Excerpt.of(v) + "' is not a value of adapter '"
                    + adapter + "'; use one of " + allowed);
        }
        return v;
    }

    /**
     * A comma-separated list of values of {@code allowed}; {@code def} when not given.
     *
     * @throws ManifestException naming the key and the bad entry
     */
    List<String> choices(String key, String def, List<String> allowed) {
        List<String> out = new ArrayList<>();
        for (String part : string(key, def).split(",")) {
            String v = part.strip();
            if (!allowed.contains(v)) {
                throw new ManifestException("data.options." + key + ": '" + org.mer4j.api.Excerpt.of(v) + "' is not a value of adapter '"
                        + adapter + "'; give one or more of " + allowed + ", separated by commas");
            }
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * A positive finite number; {@code def} when not given.
     *
     * @throws ManifestException naming the key and the value
     */
    double positive(String key, double def) {
        String v = string(key, null);
        if (v == null) {
            return def;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(Double.isFinite(d) && d > 0)) {
            throw new ManifestException("data.options." + key + ": '" + org.mer4j.api.Excerpt.of(v) + "' is not a positive number; give e.g. "
                    + def);
        }
        return d;
    }

    private void requireKnown(String key) {
        if (!keys.contains(key)) {
            throw new IllegalArgumentException("adapter '" + adapter + "' reads undeclared option '" + key + "'");
        }
    }
}
