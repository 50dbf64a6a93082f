package org.mer4j.experiments.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;

class FoldersAdapterTest {

    @Test
    void classFoldersWithSubjectsFromTheCsv(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("folders", dir);
        Manifest m = DatasetAdapters.load().get("folders").load(root, dir.resolve("work"), Map.of());
        assertEquals(List.of("happy/spk01_001", "happy/spk02_001", "sad/spk01_002", "sad/spk03/take1"),
                m.clips().stream().map(Clip::id).toList(), "README.txt and subjects.csv in the root are not clips");
        assertEquals(List.of("spk01", "spk02", "spk01", "spk03"), m.clips().stream().map(Clip::subject).toList());
        Map<String, Clip> c = AdapterFixtures.byId(m);
        assertEquals("happy/spk01_001.wav", c.get("happy/spk01_001").audio());
        assertNull(c.get("happy/spk01_001").video());
        assertEquals("happy/spk02_001.mp4", c.get("happy/spk02_001").video(), "video by extension");
        assertNull(c.get("happy/spk02_001").audio());
        assertEquals("sad", c.get("sad/spk03/take1").labels().emotion());
        assertEquals(Map.of("emotion", List.of("happy", "sad")), m.classes());
        AdapterFixtures.assertValidates(m, dir);
    }

    @Test
    void subjectsFromAPatternOrExplicitlyNone(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("folders", dir);
        FoldersAdapter a = new FoldersAdapter();
        Manifest p = a.load(root, dir, Map.of("subjectPattern", "^(?<subject>spk\\d+)"));
        assertEquals(List.of("spk01", "spk02", "spk01", "spk03"), p.clips().stream().map(Clip::subject).toList(),
                "searched in the path under the class folder, so spk03/take1.flac is spk03");
        Files.delete(root.resolve("subjects.csv"));
        ManifestException none = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(none.getMessage().contains("no subject for the files") && none.getMessage().contains("subjects: none"), none.getMessage());
        Manifest each = a.load(root, dir, Map.of("subjects", "none"));
        assertEquals(each.clips().stream().map(Clip::id).toList(), each.clips().stream().map(Clip::subject).toList(),
                "subjects: none makes every clip its own subject");
        AdapterFixtures.assertValidates(each, dir);
    }

    @Test
    void badSubjectsAndForeignFilesFailNamingThem(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("folders", dir);
        FoldersAdapter a = new FoldersAdapter();
        ManifestException group = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of("subjectPattern", "^(spk\\d+)")));
        assertTrue(group.getMessage().contains("(?<subject>"), group.getMessage());
        ManifestException miss = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of("subjectPattern", "^(?<subject>spk0[12])_")));
        assertTrue(miss.getMessage().contains("take1.flac") && miss.getMessage().contains("finds no subject"), miss.getMessage());
        ManifestException both = assertThrows(ManifestException.class,
                () -> a.load(root, dir, Map.of("subjectPattern", "^(?<subject>\\w+)", "subjects", "none")));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        Files.writeString(root.resolve("subjects.csv"), "file,subject\nhappy/spk01_001.wav,spk01\n");
        ManifestException row = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(row.getMessage().contains("happy/spk02_001.mp4") && row.getMessage().contains("subjects CSV"), row.getMessage());
        Files.writeString(root.resolve("happy/notes.txt"), "");
        ManifestException foreign = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of("subjects", "none")));
        assertTrue(foreign.getMessage().contains("notes.txt") && foreign.getMessage().contains("neither audio"), foreign.getMessage());
        ManifestException key = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of("subject", "none")));
        assertTrue(key.getMessage().contains("[subjectPattern, subjects]"), key.getMessage());
    }
}
