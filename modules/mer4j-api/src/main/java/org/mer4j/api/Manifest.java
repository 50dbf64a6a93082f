package org.mer4j.api;

import java.io.IOException;
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
 * @param allowOutsideRoot whether clip paths may resolve (after symbolic links) outside {@code root};
 *     false by default, see {@link DataRoot}
 */
public record Manifest(String name, Path root, List<Clip> clips, Map<String, List<String>> classes, boolean allowOutsideRoot) {
    public Manifest {
        clips = List.copyOf(clips);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (classes != null) {
            classes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        classes = Collections.unmodifiableMap(copy);
    }

    /** A manifest whose paths must stay inside the data root. */
    public Manifest(String name, Path root, List<Clip> clips, Map<String, List<String>> classes) {
        this(name, root, clips, classes, false);
    }

    /** A manifest that declares no class lists. */
    public Manifest(String name, Path root, List<Clip> clips) {
        this(name, root, clips, null);
    }

    /** This manifest with another data root. */
    public Manifest withRoot(Path newRoot) {
        return new Manifest(name, newRoot, clips, classes, allowOutsideRoot);
    }

    /** This manifest with paths outside the data root allowed or not. */
    public Manifest withAllowOutsideRoot(boolean allow) {
        return new Manifest(name, root, clips, classes, allow);
    }

    /**
     * Resolves a clip-relative path against the data root lexically (no checks); null stays null.
     * Use {@link #file} for a path that will be opened.
     */
    public Path resolve(String relative) {
        return relative == null ? null : root.resolve(relative);
    }

    /** The data root with this manifest's policy for outside paths; every opened clip file goes through it. */
    public DataRoot dataRoot() {
        return new DataRoot(root, allowOutsideRoot);
    }

    /**
     * A clip's file, resolved and checked by {@link DataRoot#file}: inside the data root (unless
     * allowed) and a regular file, before anything opens it.
     *
     * @param field the clip field, e.g. {@code transcript}
     * @param relative the path the field holds; null gives null
     * @throws ClipFailedException naming the reason ({@code outside-data-root}, {@code not-a-regular-file}, ...)
     * @throws IOException when the file system cannot be asked
     */
    public DataRoot.Checked file(Clip clip, String field, String relative) throws ClipFailedException, IOException {
        return dataRoot().file(clip.id(), field, relative);
    }

    /** Looks a clip up by id. */
    public Clip clip(String id) {
        return clips.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no clip '" + id + "' in manifest " + name));
    }
}
