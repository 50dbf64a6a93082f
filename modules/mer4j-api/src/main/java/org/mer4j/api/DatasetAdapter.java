package org.mer4j.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns a corpus as it is distributed (a folder in its own layout) into a {@link Manifest}, so an
 * experiment can say {@code data: {adapter: emodb, root: <folder>}} instead of shipping a manifest.
 * Registered through ServiceLoader ({@code META-INF/services/org.mer4j.api.DatasetAdapter}).
 */
public interface DatasetAdapter {
    /** Name used in configs ({@code data.adapter}). */
    String name();

    /** One line on what {@code root} must hold, for error messages. */
    String expectedLayout();

    /**
     * Reads the corpus.
     *
     * @param root the corpus folder as distributed
     * @param workDir a folder the adapter may write derived files into (e.g. converted transcripts);
     *     files there must be written atomically and be reproducible from {@code root}
     * @return the manifest; its media paths resolve against its own root
     * @throws ManifestException when the folder does not have the expected layout, naming the file and fix
     */
    Manifest load(Path root, Path workDir) throws IOException;

    /**
     * Reads the corpus with adapter options ({@code data.options} in a config, e.g. which RAVDESS
     * files to take). Adapters that take options override this and document each key in
     * {@link #expectedLayout()}'s companion, {@code data-manifests/README.md}; the default accepts none.
     *
     * @param options option name to value as written in the config; never null
     * @throws ManifestException naming the unknown option when the adapter takes none
     */
    default Manifest load(Path root, Path workDir, Map<String, String> options) throws IOException {
        if (!options.isEmpty()) {
            throw new ManifestException("data.options " + options.keySet() + ": dataset adapter '" + name()
                    + "' takes no options; remove data.options");
        }
        return load(root, workDir);
    }
}
