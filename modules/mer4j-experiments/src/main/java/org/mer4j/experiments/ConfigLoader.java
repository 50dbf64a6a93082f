package org.mer4j.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads an experiment config: YAML, {@code extends: base.yaml} (path relative to the file; maps
 * merge key by key, the child wins, lists are replaced), then dotted overrides such as
 * {@code train.learningRate=3e-4} or {@code rows.0.name=x}, then strict mapping onto
 * {@link ExperimentConfig}: an unknown key fails naming its full path and the known keys.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigLoader() {
    }

    /** A config after extends and overrides: the typed record plus the exact tree it came from. */
    public record Resolved(ExperimentConfig config, PluginConfigs plugins, ObjectNode tree, Path source) {
        /** The resolved config as YAML, the text written to each run folder. */
        public String yaml() {
            try {
                return YAML.writeValueAsString(tree);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Loads, resolves and validates a config file with overrides ({@code key.path=value}). */
    public static Resolved load(Path file, List<String> overrides) {
        ObjectNode tree = readTree(file, new ArrayList<>());
        for (String o : overrides) {
            applyOverride(tree, o, file);
        }
        return resolve(tree, file);
    }

    /**
     * Loads a config that is already resolved (the text of {@link Resolved#yaml()}: no {@code extends},
     * overrides applied), e.g. on another machine that was handed the text instead of the files.
     * The result's {@link Resolved#yaml()} is the same text again.
     *
     * @param source the file it was first resolved from (for messages and provenance)
     */
    public static Resolved fromResolvedYaml(String yaml, Path source) {
        JsonNode node;
        try {
            node = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ConfigException(source + " (resolved): not valid YAML (" + e.getMessage() + ")", e);
        }
        if (!(node instanceof ObjectNode tree)) {
            throw new ConfigException(source + " (resolved): expected a YAML mapping at the top level");
        }
        return resolve(tree, source);
    }

    private static Resolved resolve(ObjectNode tree, Path file) {
        ExperimentConfig config = map(tree, file);
        PluginConfigs plugins;
        try {
            ClassLoader loader = PluginJars.find(config.plugins(), Path.of("")).classLoader(ConfigLoader.class.getClassLoader());
            plugins = PluginConfigs.resolve(config, loader);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
        return new Resolved(config, plugins, tree, file);
    }

    /** Maps a resolved tree onto the record, turning Jackson's errors into ones that name key paths. */
    static ExperimentConfig map(ObjectNode tree, Path file) {
        try {
            return YAML.treeToValue(tree, ExperimentConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            throw new ConfigException(file + ": unknown key '" + path + "'; known keys here: " + e.getKnownPropertyIds()
                    + ". Fix the spelling or remove it.");
        } catch (JsonMappingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String msg = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            throw new ConfigException(file + ": invalid value at '" + path(e) + "': " + msg, e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode readTree(Path file, List<Path> chain) {
        Path abs = file.toAbsolutePath().normalize();
        if (chain.contains(abs)) {
            throw new ConfigException(file + ": 'extends' forms a cycle: " + chain);
        }
        chain.add(abs);
        JsonNode node;
        try {
            node = YAML.readTree(Files.readString(abs));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read config (" + e.getMessage() + "); check the path", e);
        }
        if (!(node instanceof ObjectNode obj)) {
            throw new ConfigException(file + ": expected a YAML mapping at the top level");
        }
        JsonNode ext = obj.remove("extends");
        if (ext == null) {
            return obj;
        }
        if (!ext.isTextual()) {
            throw new ConfigException(file + ": 'extends' must be a path to another YAML config");
        }
        ObjectNode base = readTree(abs.getParent().resolve(ext.asText()), chain);
        merge(base, obj);
        return base;
    }

    private static void merge(ObjectNode base, ObjectNode child) {
        Iterator<Map.Entry<String, JsonNode>> it = child.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = base.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode c) {
                merge(o, c);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    /** Applies {@code a.b.c=value}; the value is parsed as YAML (numbers, booleans, lists). */
    static void applyOverride(ObjectNode tree, String override, Path file) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + override + ": expected key.path=value, e.g. train.learningRate=3e-4");
        }
        String[] keys = override.substring(0, eq).strip().split("\\.");
        JsonNode value;
        try {
            value = YAML.readTree(override.substring(eq + 1));
        } catch (IOException e) {
            throw new ConfigException("--set " + override + ": value is not valid YAML: " + e.getMessage());
        }
        if (value == null || value.isMissingNode()) {
            value = YAML.nullNode();
        }
        JsonNode node = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            node = child(node, keys[i], override, true);
        }
        String last = keys[keys.length - 1];
        if (node instanceof ObjectNode o) {
            o.set(last, value);
        } else if (node instanceof ArrayNode a && last.matches("\\d+") && Integer.parseInt(last) < a.size()) {
            a.set(Integer.parseInt(last), value);
        } else {
            throw new ConfigException("--set " + override + ": '" + last + "' does not name a key or list index in " + file);
        }
    }

    private static JsonNode child(JsonNode node, String key, String override, boolean create) {
        if (node instanceof ArrayNode a) {
            if (!key.matches("\\d+") || Integer.parseInt(key) >= a.size()) {
                throw new ConfigException("--set " + override + ": '" + key + "' must be a list index below " + a.size());
            }
            return a.get(Integer.parseInt(key));
        }
        ObjectNode o = (ObjectNode) node;
        JsonNode c = o.get(key);
        if (c == null || c.isNull()) {
            c = o.putObject(key);
        }
        if (!c.isContainerNode()) {
            throw new ConfigException("--set " + override + ": '" + key + "' holds a value, not a section");
        }
        return c;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
