package org.mer4j.api;

import java.nio.file.Path;
import java.util.List;

/**
 * A corpus: its clips and the data root their relative media paths resolve against. The on-disk
 * format is documented in {@code data-manifests/README.md}.
 *
 * @param name corpus name
 * @param root data root that clip paths are relative to
 * @param clips the clips, in file order
 */
public record Manifest(String name, Path root, List<Clip> clips) {
    public Manifest {
        clips = List.copyOf(clips);
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
