package org.mer4j.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest metadata of an experiment's clips (e.g. {@code gender}, {@code age}), for
 * breakdowns by group. The manifest is the one the runs name in {@code provenance.json}
 * ({@code manifest}); else the one a dataset adapter wrote into {@code runs/<experiment>/data/manifest.json};
 * else {@code data.manifest} of {@code config.resolved.yaml}, relative to the project folder
 * ({@code runs/<experiment>/../..}) or the working folder.
 *
 * @param manifest the manifest read, or null when none was found
 * @param byClip clip id to its metadata (keys and values as text)
 * @param tried the places looked at, for the message when none was found
 */
record ClipMetadata(Path manifest, Map<String, Map<String, String>> byClip, List<Path> tried) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ClipMetadata load(ExperimentRuns runs) throws IOException {
        List<Path> candidates = new ArrayList<>();
        ExperimentRuns.Run first = runs.all().get(0);
        if (first.provenance().hasNonNull("manifest")) {
            candidates.add(Path.of(first.provenance().get("manifest").asText()));
        }
        Path experimentDir = Files.isRegularFile(runs.dir().resolve("metrics.json")) ? runs.dir().toAbsolutePath().getParent() : runs.dir();
        candidates.add(experimentDir.resolve("data").resolve("manifest.json"));
        Path config = first.dir().resolve("config.resolved.yaml");
        if (Files.isRegularFile(config)) {
            JsonNode manifest = new YAMLMapper().readTree(config.toFile()).path("data").path("manifest");
            if (manifest.isTextual()) {
                Path project = experimentDir.toAbsolutePath().getParent() == null ? null : experimentDir.toAbsolutePath().getParent().getParent();
                if (project != null) {
                    candidates.add(project.resolve(manifest.asText()));
                }
                candidates.add(Path.of(manifest.asText()));
            }
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return new ClipMetadata(c, read(c), candidates);
            }
        }
        return new ClipMetadata(null, Map.of(), candidates);
    }

    /** Clips whose metadata has {@code key}, with its value. */
    Map<String, String> values(String key) {
        Map<String, String> out = new HashMap<>();
        byClip.forEach((clip, m) -> {
            if (m.get(key) != null && !m.get(key).isBlank()) {
                out.put(clip, m.get(key));
            }
        });
        return out;
    }

    private static Map<String, Map<String, String>> read(Path manifest) throws IOException {
        JsonNode clips = JSON.readTree(manifest.toFile()).path("clips");
        Map<String, Map<String, String>> out = new HashMap<>();
        for (JsonNode c : clips) {
            Map<String, String> m = new LinkedHashMap<>();
            c.path("metadata").fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    m.put(e.getKey(), e.getValue().asText());
                }
            });
            out.put(c.path("id").asText(), m);
        }
        return out;
    }
}
