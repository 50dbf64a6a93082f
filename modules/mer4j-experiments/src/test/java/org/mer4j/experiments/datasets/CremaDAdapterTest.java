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

class CremaDAdapterTest {
    private static final List<String> SIX = List.of("anger", "disgust", "fear", "happy", "neutral", "sad");

    @Test
    void intendedEmotionFromTheNameAndPerceivedVotesOfTheMatchingCondition(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("cremad", dir);
        Manifest m = DatasetAdapters.load().get("cremad").load(root, dir.resolve("work"), Map.of());
        assertEquals(List.of("1001_DFA_ANG_XX", "1001_IEO_HAP_HI", "1002_IOM_NEU_XX"), m.clips().stream().map(Clip::id).toList());
        Map<String, Clip> c = AdapterFixtures.byId(m);
        Clip ang = c.get("1001_DFA_ANG_XX");
        assertEquals("1001", ang.subject());
        assertEquals("VideoFlash/1001_DFA_ANG_XX.flv", ang.video());
        assertEquals("AudioWAV/1001_DFA_ANG_XX.wav", ang.audio());
        assertEquals("anger", ang.labels().emotion(), "intended: the acted emotion of the file name");
        // the audio-visual row (300062), because the clip has video
        assertEquals(Map.of("anger", 8.0, "disgust", 1.0, "fear", 0.0, "happy", 0.0, "neutral", 1.0, "sad", 1.0),
                ang.labels().emotionDistribution());
        assertEquals(Map.of("sentence", "DFA", "text", "Don't forget a jacket", "level", "unspecified", "gender", "male", "age", "51",
                "race", "Caucasian", "ethnicity", "Not Hispanic", "votes", "audiovisual", "raters", "11"), ang.metadata());
        Clip hap = c.get("1001_IEO_HAP_HI");
        assertEquals("high", hap.metadata().get("level"));
        assertEquals("It's eleven o'clock", hap.metadata().get("text"));
        assertEquals(9.0, hap.labels().emotionDistribution().get("happy"));
        Clip neu = c.get("1002_IOM_NEU_XX");
        assertNull(neu.video(), "no VideoFlash file: an audio clip");
        assertNull(neu.labels().emotionDistribution(), "voice votes wanted for an audio clip; the fixture has only a face row");
        assertEquals("female", neu.metadata().get("gender"));
        assertEquals(Map.of("emotion", SIX), m.classes());
        AdapterFixtures.assertValidates(m, dir);
    }

    @Test
    void votesAndMediaOptions(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("cremad", dir);
        CremaDAdapter a = new CremaDAdapter();
        Manifest voice = a.load(root, dir, Map.of("votes", "voice", "media", "audio"));
        Clip ang = AdapterFixtures.byId(voice).get("1001_DFA_ANG_XX");
        assertNull(ang.video());
        assertEquals(5.0, ang.labels().emotionDistribution().get("anger"));
        assertEquals(3.0, ang.labels().emotionDistribution().get("disgust"));
        assertEquals("voice", ang.metadata().get("votes"));
        Manifest face = a.load(root, dir, Map.of("votes", "face"));
        assertEquals(8.0, AdapterFixtures.byId(face).get("1002_IOM_NEU_XX").labels().emotionDistribution().get("neutral"));
        Manifest none = a.load(root, dir, Map.of("votes", "none"));
        assertTrue(none.clips().stream().allMatch(x -> x.labels().emotionDistribution() == null));
        Manifest video = a.load(root, dir, Map.of("media", "video"));
        assertEquals(2, video.clips().size(), "only the clips with an flv");
        assertTrue(video.clips().stream().allMatch(x -> x.audio() == null && x.video().endsWith(".flv")));
        AdapterFixtures.assertValidates(video, dir);
        ManifestException e = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of("vote", "face")));
        assertTrue(e.getMessage().contains("'vote'") && e.getMessage().contains("[media, votes]"), e.getMessage());
    }

    @Test
    void summaryTableMajorityVotesWhenThereAreNoCounts(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("cremad", dir);
        Files.delete(root.resolve("processedResults/tabulatedVotes.csv"));
        Manifest m = new CremaDAdapter().load(root, dir, Map.of("votes", "voice"));
        Map<String, Clip> c = AdapterFixtures.byId(m);
        assertEquals(Map.of("anger", 1.0, "disgust", 1.0), c.get("1001_DFA_ANG_XX").labels().emotionDistribution(), "a tie A:D");
        assertEquals(Map.of("neutral", 1.0), c.get("1002_IOM_NEU_XX").labels().emotionDistribution());
        assertNull(c.get("1001_DFA_ANG_XX").metadata().get("raters"), "majority votes carry no rater count");
        AdapterFixtures.assertValidates(m, dir);
    }

    @Test
    void malformedFilesFailNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("cremad", dir);
        CremaDAdapter a = new CremaDAdapter();
        Path votes = root.resolve("processedResults/tabulatedVotes.csv");
        List<String> lines = Files.readAllLines(votes);
        Files.write(votes, List.of(lines.get(0), lines.get(1).replace("\"100004\",1,", "\"100004\",x,")));
        ManifestException count = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(count.getMessage().contains("tabulatedVotes.csv line 2, column A") && count.getMessage().contains("'x'"), count.getMessage());
        Files.write(votes, List.of(lines.get(0), lines.get(1).replace("\"100004\"", "\"900004\"")));
        ManifestException condition = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(condition.getMessage().contains("rating condition"), condition.getMessage());
        Files.write(votes, lines);
        Files.writeString(root.resolve("AudioWAV/1001_DFA_XYZ_XX.wav"), "");
        ManifestException name = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(name.getMessage().contains("1001_DFA_XYZ_XX.wav") && name.getMessage().contains("emotion 'XYZ'"), name.getMessage());
        Files.delete(root.resolve("AudioWAV/1001_DFA_XYZ_XX.wav"));
        Files.writeString(root.resolve("VideoDemographics.csv"), "\"ActorID\",\"Age\",\"Sex\",\"Race\",\"Ethnicity\"\n1001,51,\"Male\",\"Caucasian\",\"Not Hispanic\"\n");
        ManifestException actor = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(actor.getMessage().contains("no row for actor 1002"), actor.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ManifestException layout = assertThrows(ManifestException.class, () -> a.load(empty, dir, Map.of()));
        assertTrue(layout.getMessage().contains("AudioWAV"), layout.getMessage());
    }
}
