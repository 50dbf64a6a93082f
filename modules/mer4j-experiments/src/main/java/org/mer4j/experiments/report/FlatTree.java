package org.mer4j.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON or YAML tree (a resolved config, a provenance.json) as dotted paths to values, so two
 * trees can be compared key by key: {@code train.learningRate = 0.001},
 * {@code environment.versions.djl = 0.32.0}. A list of scalars is one value ({@code [video, audio]});
 * a list of objects that all carry a distinct {@code name} (or {@code provider}, {@code id},
 * {@code clipId}) is keyed by it ({@code rows[early fusion].fusion.type}), otherwise by index
 * ({@code tasks[0].type}), so reordering named entries does not show as a change. Decimal numbers are
 * written plainly ({@code 0.0003}, not {@code 3.0E-4}).
 */
public final class FlatTree {
    private static final List<String> KEY_FIELDS = List.of("name", "provider", "id", "clipId");

    private FlatTree() {
    }

    /** The leaves of {@code tree} by dotted path, in document order. */
    public static Map<String, String> of(JsonNode tree) {
        Map<String, String> out = new LinkedHashMap<>();
        add(out, "", tree);
        return out;
    }

    private static void add(Map<String, String> out, String path, JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.put(path, "{}");
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                add(out, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue());
            }
        } else if (node.isArray()) {
            boolean scalars = true;
            for (JsonNode e : node) {
                scalars &= e.isValueNode();
            }
            if (scalars) {
                List<String> values = new ArrayList<>();
                node.forEach(e -> values.add(e.asText()));
                out.put(path, "[" + String.join(", ", values) + "]");
                return;
            }
            String keyField = keyField(node);
            for (int i = 0; i < node.size(); i++) {
                JsonNode e = node.get(i);
                add(out, path + "[" + (keyField == null ? String.valueOf(i) : e.get(keyField).asText()) + "]", e);
            }
        } else {
            out.put(path, node.isNull() ? "null" : node.isFloatingPointNumber() && Double.isFinite(node.asDouble())
                    ? java.math.BigDecimal.valueOf(node.asDouble()).stripTrailingZeros().toPlainString() : node.asText());
        }
    }

    /** The field that names every element of a list of objects uniquely, or null. */
    private static String keyField(JsonNode list) {
        for (String field : KEY_FIELDS) {
            Set<String> seen = new HashSet<>();
            boolean ok = true;
            for (JsonNode e : list) {
                ok &= e.isObject() && e.hasNonNull(field) && e.get(field).isValueNode() && seen.add(e.get(field).asText());
            }
            if (ok) {
                return field;
            }
        }
        return null;
    }
}
