package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;
import org.mer4j.api.ManifestIO;
import org.mer4j.experiments.datasets.AdapterFixtures;

/** {@code data: {adapter, root, options}} from a config reaches the adapter, and its manifest is written for the run. */
class AdapterDataSourceTest {

    @Test
    void optionsReachTheAdapterAndTheWrittenManifestReadsBack(@TempDir Path dir) throws Exception {
        AdapterFixtures.copy("ravdess", dir);
        DataSource s = DataSource.open(new ExperimentConfig.DataConfig(null, "ravdess", "ravdess", false, Map.of("media", "audio-only")),
                dir, dir.resolve("runs/x"));
        assertEquals(3, s.manifest().clips().size());
        assertTrue(s.manifest().clips().stream().allMatch(c -> c.video() == null));
        assertEquals(Map.of("media", "audio-only"), s.describe().get("options"));
        Manifest written = ManifestIO.read(s.manifestFile());
        assertEquals(s.manifest().clips(), written.clips());
        assertFalse(written.allowOutsideRoot());
        ManifestException e = assertThrows(ManifestException.class, () -> DataSource.open(
                new ExperimentConfig.DataConfig(null, "ravdess", "ravdess", false, Map.of("vocalchannel", "song")), dir, dir.resolve("runs/y")));
        assertTrue(e.getMessage().contains("data.options.vocalchannel") && e.getMessage().contains("vocalChannel"), e.getMessage());
    }

    @Test
    void iemocapTranscriptsInTheRunFolderStayReadable(@TempDir Path dir) throws Exception {
        AdapterFixtures.copy("iemocap", dir);
        DataSource s = DataSource.open(new ExperimentConfig.DataConfig(null, "iemocap", "iemocap", false, Map.of()), dir, dir.resolve("runs/x"));
        Manifest written = ManifestIO.read(s.manifestFile());
        assertTrue(written.allowOutsideRoot(), "the manifest itself allows its word CSVs outside the corpus");
        assertEquals(4, written.clips().size());
        assertTrue(Files.isRegularFile(written.resolve(written.clips().get(0).transcript())));
        assertTrue(written.clips().get(0).transcript().contains("runs/x/data/transcripts/"), written.clips().get(0).transcript());
        assertEquals(java.util.List.of(), ManifestIO.checkFiles(written));
    }
}
