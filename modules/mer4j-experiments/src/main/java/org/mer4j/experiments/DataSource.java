package org.mer4j.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mer4j.api.DatasetAdapter;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestIO;
import org.mer4j.experiments.datasets.DatasetAdapters;

/**
 * The clips of an experiment, from {@code data.manifest} or from a corpus folder through
 * {@code data.adapter}. An adapter's manifest is also written to
 * {@code runs/<experiment>/data/manifest.json} so every run can be traced to the exact clip list.
 *
 * @param manifest the clips
 * @param manifestFile the manifest on disk (given, or written for an adapter)
 * @param adapter adapter name, or null
 * @param options the adapter's {@code data.options}
 * @param root the data root the media resolve against
 */
record DataSource(Manifest manifest, Path manifestFile, String adapter, Map<String, String> options, Path root) {

    static DataSource open(ExperimentConfig.DataConfig data, Path projectDir, Path experimentDir) throws IOException {
        return openInto(data, projectDir, experimentDir.resolve("data"));
    }

    /** As {@link #open}, with the adapter's derived files and manifest in {@code workDir}. */
    static DataSource openInto(ExperimentConfig.DataConfig data, Path projectDir, Path workDir) throws IOException {
        if (data.adapter() == null || data.adapter().isBlank()) {
            Path file = projectDir.resolve(data.manifest());
            Manifest m = ManifestIO.read(file, data.allowOutsideRoot());
            if (data.root() != null) {
                m = m.withRoot(projectDir.resolve(data.root()));
            }
            return new DataSource(m, file, null, Map.of(), m.root());
        }
        DatasetAdapter adapter = DatasetAdapters.load().get(data.adapter());
        Path root = projectDir.resolve(data.root()).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("data.root: " + root + " is not a folder; give " + adapter.expectedLayout());
        }
        Files.createDirectories(workDir);
        Manifest m = adapter.load(root, workDir, data.options());
        m = m.withAllowOutsideRoot(m.allowOutsideRoot() || data.allowOutsideRoot());
        ManifestIO.validate(m, root, true);
        m = ManifestIO.loadTraces(m, root);
        Path file = workDir.resolve("manifest.json");
        ManifestIO.write(file, m);
        return new DataSource(m, file, adapter.name(), data.options(), m.root());
    }

    /** What provenance records about the data. */
    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("adapter", adapter);
        d.put("options", options);
        d.put("root", root.toString());
        d.put("clips", manifest.clips().size());
        d.put("allowOutsideRoot", manifest.allowOutsideRoot());
        return d;
    }
}
