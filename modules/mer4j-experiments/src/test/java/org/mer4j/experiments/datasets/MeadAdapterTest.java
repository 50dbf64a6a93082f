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

class MeadAdapterTest {

    @Test
    void frontViewVideoPairedWithTheRecordingsAudio(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("mead", dir);
        Manifest m = DatasetAdapters.load().get("mead").load(root, dir.resolve("work"), Map.of());
        assertEquals(List.of("M003_front_angry_1_001", "M003_front_angry_1_002", "M003_front_neutral_1_001", "W009_front_happy_3_001",
                "W011_sad_2_001"), m.clips().stream().map(Clip::id).toList());
        Map<String, Clip> c = AdapterFixtures.byId(m);
        Clip a = c.get("M003_front_angry_1_002");
        assertEquals("M003", a.subject());
        assertEquals("angry", a.labels().emotion());
        assertEquals("M003/video/front/angry/level_1/002.mp4", a.video());
        assertEquals("M003/audio/angry/level_1/002.m4a", a.audio());
        assertEquals(Map.of("gender", "male", "view", "front", "level", "1", "sentence", "002"), a.metadata());
        Clip w = c.get("W009_front_happy_3_001");
        assertEquals("female", w.metadata().get("gender"));
        assertEquals("3", w.metadata().get("level"));
        Clip audioOnly = c.get("W011_sad_2_001");
        assertNull(audioOnly.video(), "W011 has no video folder");
        assertEquals("W011/audio/sad/level_2/001.m4a", audioOnly.audio());
        assertEquals(Map.of("emotion", List.of("angry", "happy", "neutral", "sad")), m.classes());
        AdapterFixtures.assertValidates(m, dir);
    }

    @Test
    void viewAndMediaOptions(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("mead", dir);
        MeadAdapter a = new MeadAdapter();
        Manifest two = a.load(root, dir, Map.of("view", "front,left_30"));
        assertTrue(AdapterFixtures.byId(two).containsKey("M003_left_30_angry_1_001"));
        assertEquals("M003", AdapterFixtures.byId(two).get("M003_left_30_angry_1_001").subject(), "every view of a take is the same subject");
        assertEquals(6, two.clips().size(), "W009 has no left_30 view: skipped with a warning");
        Manifest audio = a.load(root, dir, Map.of("media", "audio"));
        assertEquals(6, audio.clips().size());
        assertTrue(audio.clips().stream().allMatch(x -> x.video() == null && x.audio().endsWith(".m4a")));
        Manifest video = a.load(root, dir, Map.of("media", "video"));
        assertEquals(4, video.clips().size());
        assertTrue(video.clips().stream().allMatch(x -> x.audio() == null));
        AdapterFixtures.assertValidates(video, dir);
        ManifestException badView = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of("view", "top")));
        assertTrue(badView.getMessage().contains("no actor has the view 'top'"), badView.getMessage());
        ManifestException unknown = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of("view", "back")));
        assertTrue(unknown.getMessage().contains("'back'") && unknown.getMessage().contains("left_30"), unknown.getMessage());
    }

    @Test
    void aFileOutsideTheLayoutFailsNamingIt(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("mead", dir);
        Path stray = Files.createDirectories(root.resolve("M003/video/front/angry/level_4")).resolve("001.mp4");
        Files.writeString(stray, "");
        ManifestException e = assertThrows(ManifestException.class, () -> new MeadAdapter().load(root, dir, Map.of()));
        assertTrue(e.getMessage().contains("level_4/001.mp4") && e.getMessage().contains("level_<1..3>"), e.getMessage());
        Files.delete(stray);
        Files.createDirectories(root.resolve("M003/audio/joy/level_1"));
        Files.writeString(root.resolve("M003/audio/joy/level_1/001.m4a"), "");
        ManifestException emotion = assertThrows(ManifestException.class, () -> new MeadAdapter().load(root, dir, Map.of()));
        assertTrue(emotion.getMessage().contains("joy/level_1/001.m4a"), emotion.getMessage());
    }
}
