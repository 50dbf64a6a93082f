package org.mer4j.experiments.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;

class EmoDbAdapterTest {

    @Test
    void fileNamesGiveSpeakerEmotionTextAndDocumentedSex(@TempDir Path dir) throws Exception {
        Path wav = Files.createDirectories(dir.resolve("wav"));
        for (String f : new String[] {"03a01Fa.wav", "08b10Wb.wav", "16a04Tc.wav", "notes.txt"}) {
            Files.writeString(wav.resolve(f), "");
        }
        Manifest m = DatasetAdapters.load().get("emodb").load(dir, dir.resolve("work"));
        assertEquals(3, m.clips().size(), "only the .wav files");
        Clip c = m.clips().get(1);
        assertEquals("08b10Wb", c.id());
        assertEquals("08", c.subject());
        assertEquals("anger", c.labels().emotion());
        assertEquals("female", c.metadata().get("gender"));
        assertEquals("Die wird auf dem Platz sein, wo wir sie immer hinlegen.", c.metadata().get("text"));
        assertEquals(dir.resolve("wav/08b10Wb.wav").toAbsolutePath(), m.resolve(c.audioSource()));
        assertEquals("happiness", m.clips().get(0).labels().emotion());
        assertEquals("male", m.clips().get(0).metadata().get("gender"));
        assertEquals("sadness", m.clips().get(2).labels().emotion());
    }

    @Test
    void foreignFileNameFailsNamingTheFileAndThePattern(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("03a01Xa.wav"), "");
        ManifestException e = assertThrows(ManifestException.class, () -> new EmoDbAdapter().load(dir, dir));
        assertTrue(e.getMessage().contains("03a01Xa.wav") && e.getMessage().contains("SSTTTEV.wav"), e.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ManifestException none = assertThrows(ManifestException.class, () -> new EmoDbAdapter().load(empty, empty));
        assertTrue(none.getMessage().contains("no .wav files"), none.getMessage());
    }

    @Test
    void realEmoDbHas535ClipsOverTenSpeakersAndSevenEmotions() throws Exception {
        Path emodb = Path.of(System.getProperty("mer4j.shared.data", "../shared/data")).resolve("emodb");
        assumeTrue(Files.isDirectory(emodb.resolve("wav")), "skipped: EmoDB not found at " + emodb.toAbsolutePath()
                + " (../shared/data/emodb is optional)");
        Manifest m = new EmoDbAdapter().load(emodb, emodb);
        assertEquals(535, m.clips().size());
        Map<String, Long> perEmotion = m.clips().stream()
                .collect(Collectors.groupingBy(c -> c.labels().emotion(), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("anger", 127L, "boredom", 81L, "disgust", 46L, "fear", 69L, "happiness", 71L, "neutral", 79L,
                "sadness", 62L), perEmotion);
        assertEquals(10, m.clips().stream().map(Clip::subject).distinct().count());
        // the documented sex agrees with labels.csv shipped beside the copy
        for (String line : Files.readAllLines(emodb.resolve("labels.csv")).subList(1, 536)) {
            String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            String id = Path.of(f[0]).getFileName().toString().replace(".wav", "");
            Clip c = m.clips().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            assertEquals(f[2], c.metadata().get("gender"), id);
            assertEquals(f[7], c.labels().emotion(), id);
        }
    }
}
