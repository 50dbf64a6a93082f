package org.mer4j.experiments.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.mer4j.api.TimedWord;
import org.mer4j.api.WordTranscripts;

class IemocapAdapterTest {

    @Test
    void fourClassesSpeakerSubjectsDimensionsVotesAndAlignedWords(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("iemocap", dir);
        Manifest m = DatasetAdapters.load().get("iemocap").load(root, dir.resolve("work"), Map.of());
        assertEquals(List.of("Ses01F_impro01_F000", "Ses01F_impro01_M000", "Ses02M_script01_1_F000", "Ses02M_script01_1_M000"),
                m.clips().stream().map(Clip::id).toList(), "fru and xxx are not among the four classes");
        assertEquals(List.of("Ses01F", "Ses01M", "Ses02F", "Ses02M"), m.clips().stream().map(Clip::subject).toList(),
                "the speaker is the letter of the utterance's last field, not of the dialog name");
        Map<String, Clip> c = AdapterFixtures.byId(m);
        Clip f000 = c.get("Ses01F_impro01_F000");
        assertEquals("neutral", f000.labels().emotion());
        assertEquals(Map.of("valence", 2.5, "arousal", 2.5, "dominance", 2.5), f000.labels().dimensions());
        assertEquals(Map.of("neutral", 4.0), f000.labels().emotionDistribution(), "the Frustration vote is outside the four classes");
        assertEquals("Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_F000.wav", f000.audio());
        assertNull(f000.video());
        assertEquals(8.2357 - 6.2901, f000.duration(), 1e-9);
        assertEquals(Map.of("session", "1", "gender", "female", "dialog", "Ses01F_impro01", "type", "improvised", "text", "Excuse me."),
                f000.metadata());
        assertEquals(List.of(new TimedWord("excuse", 0.32, 0.62), new TimedWord("me", 0.62, 0.80)),
                WordTranscripts.read(m.root().resolve(f000.transcript())), "the .wdseg times, 10 ms frames, end frame inclusive");
        Clip m000 = c.get("Ses01F_impro01_M000");
        assertEquals("happy", m000.labels().emotion(), "exc is merged into happy");
        assertEquals(Map.of("happy", 3.0), m000.labels().emotionDistribution());
        assertEquals("male", m000.metadata().get("gender"));
        List<TimedWord> spread = WordTranscripts.read(m.root().resolve(m000.transcript()));
        assertEquals(List.of("Do", "you", "have", "your", "forms?"), spread.stream().map(TimedWord::word).toList());
        assertEquals(11.3925 - 10.01, spread.get(spread.size() - 1).end(), 1e-3, "no alignment: words spread over the utterance");
        Clip script = c.get("Ses02M_script01_1_F000");
        assertEquals("angry", script.labels().emotion());
        assertEquals("scripted", script.metadata().get("type"));
        assertEquals("female", script.metadata().get("gender"));
        assertEquals(Map.of("angry", 3.0), script.labels().emotionDistribution());
        assertEquals("Nothing,", WordTranscripts.read(m.root().resolve(c.get("Ses02M_script01_1_M000").transcript())).get(0).word(),
                "';' would break the word CSV");
        assertEquals(Map.of("emotion", List.of("neutral", "happy", "angry", "sad")), m.classes());
        assertTrue(m.allowOutsideRoot(), "the word CSVs live in the work folder, outside the corpus");
        AdapterFixtures.assertValidates(m, dir);
    }

    @Test
    void allClassesKeepEveryUtteranceAndXxxHasNoEmotion(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("iemocap", dir);
        IemocapAdapter a = new IemocapAdapter();
        Manifest m = a.load(root, dir.resolve("work"), Map.of("classes", "all"));
        Map<String, Clip> c = AdapterFixtures.byId(m);
        assertEquals(6, m.clips().size());
        assertEquals("excited", c.get("Ses01F_impro01_M000").labels().emotion());
        assertEquals(Map.of("excited", 2.0, "happy", 1.0, "surprise", 1.0), c.get("Ses01F_impro01_M000").labels().emotionDistribution());
        assertEquals(Map.of("frustrated", 2.0, "angry", 1.0, "other", 1.0), c.get("Ses01F_impro01_F001").labels().emotionDistribution(),
                "'Other:annoyed' counts as other");
        Clip xxx = c.get("Ses01F_impro01_M001");
        assertNull(xxx.labels().emotion());
        assertEquals(2.0, xxx.labels().dimension("arousal"));
        assertEquals(Map.of("emotion", List.of("neutral", "happy", "angry", "sad", "excited", "frustrated", "surprise", "other")), m.classes());
        AdapterFixtures.assertValidates(m, dir);

        Manifest impro = a.load(root, dir.resolve("work"), Map.of("type", "improvised", "words", "none"));
        assertEquals(List.of("1"), impro.clips().stream().map(x -> x.metadata().get("session")).distinct().toList());
        assertTrue(impro.clips().stream().allMatch(x -> x.transcript() == null));
        assertFalse(impro.allowOutsideRoot());
        AdapterFixtures.assertValidates(impro, dir);
        Manifest spread = a.load(root, dir.resolve("work"), Map.of("words", "spread"));
        assertEquals(List.of("Excuse", "me."), WordTranscripts.read(spread.root().resolve(spread.clips().get(0).transcript())).stream()
                .map(TimedWord::word).toList());
    }

    @Test
    void damagedEvaluationsFailNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("iemocap", dir);
        IemocapAdapter a = new IemocapAdapter();
        Path eval = root.resolve("Session2/dialog/EmoEvaluation/Ses02M_script01_1.txt");
        String good = Files.readString(eval);
        Files.writeString(eval, good.replace("\tsad\t", "\tsadd\t"));
        ManifestException code = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(code.getMessage().contains("Ses02M_script01_1.txt line 9") && code.getMessage().contains("'sadd'"), code.getMessage());
        Files.writeString(eval, good.replace("[1.5000, 4.0000, 4.5000]", "[1.5000, 4.0000]"));
        ManifestException vad = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(vad.getMessage().contains("line 3") && vad.getMessage().contains("[V, A, D]"), vad.getMessage());
        Files.writeString(eval, good.replace("Ses02M_script01_1_M000", "Ses02M_script02_1_M000"));
        ManifestException other = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(other.getMessage().contains("not an utterance of dialog Ses02M_script01_1"), other.getMessage());
        ManifestException option = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of("classes", "5")));
        assertTrue(option.getMessage().contains("[4, all]"), option.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ManifestException layout = assertThrows(ManifestException.class, () -> a.load(empty, dir, Map.of()));
        assertTrue(layout.getMessage().contains("Session1..Session5"), layout.getMessage());
    }
}
