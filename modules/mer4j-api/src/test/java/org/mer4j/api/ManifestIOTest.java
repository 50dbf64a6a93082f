package org.mer4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestIOTest {

    @Test
    void writesAndReadsBackWithRelativeRoot(@TempDir Path dir) throws Exception {
        Clip c = new Clip("c1", "s1", "media/c1.mp4", null, "t/c1.words.csv",
                new ClipLabels("happy", List.of(new TimeSegment(1, 2)), null, true), null);
        Path file = dir.resolve("m/manifest.json");
        ManifestIO.write(file, new Manifest("demo", dir.resolve("data"), List.of(c)));
        Manifest back = ManifestIO.read(file);
        assertEquals(dir.resolve("data").normalize(), back.root());
        assertEquals(c, back.clips().get(0));
        assertTrue(back.clips().get(0).labels().ahAt(1.5));
        assertTrue(back.clips().get(0).labels().ahVideoLabel());
    }

    @Test
    void missingSubjectNamesClipFieldAndFix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, """
                {"format": "mer4j-manifest/1", "clips": [
                  {"id": "a", "subject": "s1", "video": "a.mp4"},
                  {"id": "b", "video": "b.mp4"}]}""");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestIO.read(file));
        assertTrue(e.getMessage().contains("clip 'b'") && e.getMessage().contains("'subject'"), e.getMessage());
        assertTrue(e.getMessage().contains("participant id"), "says what to do: " + e.getMessage());
    }

    @Test
    void unknownFieldAndMissingFilesAreReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, """
                {"format": "mer4j-manifest/1", "clips": [{"id": "a", "subjet": "s1", "video": "a.mp4"}]}""");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestIO.read(file));
        assertTrue(e.getMessage().contains("unknown field 'subjet'"), e.getMessage());

        Files.writeString(file, """
                {"format": "mer4j-manifest/1", "clips": [{"id": "a", "subject": "s1", "video": "a.mp4"}]}""");
        Manifest m = ManifestIO.read(file);
        ManifestException missing = assertThrows(ManifestException.class, () -> ManifestIO.validate(m, file, true));
        assertTrue(missing.getMessage().contains("'video' points to") && missing.getMessage().contains("a.mp4"), missing.getMessage());
    }

    @Test
    void wordCsvRoundTripsAndBadLinesNameTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.csv");
        WordTranscripts.write(f, List.of(new TimedWord("hello", 0.1, 0.42), new TimedWord("um", 0.5, 0.8)));
        assertEquals(List.of(new TimedWord("hello", 0.1, 0.42), new TimedWord("um", 0.5, 0.8)), WordTranscripts.read(f));
        Files.writeString(f, "start;end;word;confidence\n100;50;oops;1.0\n");
        var e = assertThrows(java.io.IOException.class, () -> WordTranscripts.read(f));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
