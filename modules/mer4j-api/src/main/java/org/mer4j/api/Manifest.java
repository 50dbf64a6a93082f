package org.mer4j.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus: its clips and the data root their relative media paths resolve against. The on-disk
 * format is documented in {@code data-manifests/README.md}.
 *
 * @param name corpus name
 * @param root data root that clip paths are relative to
 * @param clips the clips, in file order
 * @param classes declared class lists per categorical label (e.g. {@code emotion -> [neutral, happy, ...]});
 *     empty when the manifest declares none (tasks then take the classes from their config or the data)
 */
public record Manifest(String name, Path root, List<Clip> clips, Map<String, List<String>> classes) {
    public Manifest {
        clips = List.copyOf(clips);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (classes != null) {
            classes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        classes = Collections.unmodifiableMap(copy);
    }

    /** A manifest that declares no class lists. */
    public Manifest(String name, Path root, List<Clip> clips) {
        this(name, root, clips, null);
    }

    /** This manifest with another data root. */
    public Manifest withRoot(Path newRoot) {
        return new Manifest(name, newRoot, clips, classes);
    }

    /** Resolves a clip-relative path against the data root; null stays null. */
    public Path resolve(String relative) {
        return relative == null ? null : root.resolve(relative);
    }

    /** Looks a clip up by id. */
    public Clip clip(String id) {
        return clips.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no clip '" + id + "' in manifest " + name));
    }
}
