package org.mer4j.text.transcripts;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.api.TimedWord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranscriptReadersTest {
    static Path fixture(String name) throws Exception {
        return Path.of(TranscriptReadersTest.class.getResource("/transcripts/" + name).toURI());
    }

    static List<String> words(Transcript t) {
        return t.words().stream().map(TimedWord::word).toList();
    }

    static TranscriptException fails(String file) throws Exception {
        Path p = fixture(file);
        TranscriptException e = assertThrows(TranscriptException.class, () -> TranscriptReaders.defaults().read(p));
        assertTrue(e.getMessage().contains(p.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("expected"), "says what was expected: " + e.getMessage());
        return e;
    }

    @Test
    void srtSpreadsCueWordsByLength() throws Exception {
        Transcript t = TranscriptReaders.defaults().read(fixture("ok.srt"));
        assertEquals("srt", t.format());
        assertEquals(List.of("Hello", "there", "I", "think,", "maybe", "not."), words(t));
        assertEquals(1.0, t.words().get(0).start(), 1e-9);
        assertEquals(2.0, t.words().get(1).end(), 1e-9);
        // "Hello" (5 letters) and "there" (5) share the second equally
        assertEquals(1.5, t.words().get(0).end(), 1e-9);
        // dialogue dash dropped, words back to back up to the cue end
        assertEquals(2.5, t.words().get(2).start(), 1e-9);
        assertEquals(4.0, t.words().get(5).end(), 1e-9);
        assertFalse(t.report().repaired());
    }

    @Test
    void srtMalformedTimesFailWithLine() throws Exception {
        TranscriptException e = fails("bad-reversed.srt");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("before it starts"), e.getMessage());
        TranscriptException n = fails("bad-negative.srt");
        assertEquals(2, n.line());
        assertTrue(n.getMessage().contains("negative"), n.getMessage());
    }

    @Test
    void webVttSkipsNotesStripsVoiceAndHonoursInlineTimestamps() throws Exception {
        Transcript t = TranscriptReaders.defaults().read(fixture("ok.vtt"));
        assertEquals("webvtt", t.format());
        assertEquals(List.of("Hello", "world", "I", "mean", "it"), words(t));
        assertEquals(1.0, t.words().get(0).start(), 1e-9);
        assertEquals(4.0, t.words().get(2).end(), 1e-9, "'I' ends at the inline timestamp");
        assertEquals(4.0, t.words().get(3).start(), 1e-9);
        assertEquals(5.0, t.words().get(4).end(), 1e-9);
        TranscriptException e = assertThrows(TranscriptException.class, () -> new WebVttReader().read(fixture("bad-noheader.vtt")));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("WEBVTT"));
    }

    @Test
    void whisperJsonUsesWordTimesElseSegmentText() throws Exception {
        Transcript t = TranscriptReaders.defaults().read(fixture("ok.json"));
        assertEquals(List.of("Hello", "there.", "I", "guess", "so."), words(t));
        assertEquals(0.1, t.words().get(0).start(), 1e-9);
        assertEquals(1.2, t.words().get(1).end(), 1e-9);
        assertEquals(2.0, t.words().get(2).start(), 1e-9);
        assertEquals(3.0, t.words().get(4).end(), 1e-9);
        TranscriptException empty = fails("bad-empty-word.json");
        assertTrue(empty.getMessage().contains("segments[0].words[1]") && empty.getMessage().contains("empty word"), empty.getMessage());
        assertEquals(2, empty.line());
        TranscriptException time = fails("bad-time.json");
        assertTrue(time.getMessage().contains("segments[0].words[0].start"), time.getMessage());
    }

    @Test
    void textGridLongAndShortFormatsAndTierChoice() throws Exception {
        Transcript lng = TranscriptReaders.defaults().read(fixture("long.TextGrid"));
        assertEquals(List.of("she", "said", "\"hi\""), words(lng), "the 'words' tier, silence skipped, quotes unescaped, phrase split");
        assertEquals(0.5, lng.words().get(0).start(), 1e-9);
        assertEquals(1.7, lng.words().get(2).end(), 1e-9);
        Transcript phones = new TextGridReader("phones").read(fixture("long.TextGrid"));
        assertEquals(List.of("x"), words(phones));
        Transcript sht = new TextGridReader().read(fixture("short.TextGrid"));
        assertEquals(List.of("um", "yes"), words(sht), "point tier skipped, 'Words' tier found case-insensitively");
        assertEquals(1.5, sht.words().get(1).end(), 1e-9);
        TranscriptException e = assertThrows(TranscriptException.class, () -> new TextGridReader("nope").read(fixture("short.TextGrid")));
        assertTrue(e.getMessage().contains("no tier named 'nope'") && e.getMessage().contains("Words"), e.getMessage());
        TranscriptException point = assertThrows(TranscriptException.class, () -> new TextGridReader("events").read(fixture("short.TextGrid")));
        assertTrue(point.getMessage().contains("TextTier"), point.getMessage());
    }

    @Test
    void wordCsvRepairsOverlapAndFailsOnBadRows() throws Exception {
        Transcript t = TranscriptReaders.defaults().read(fixture("overlap.csv"));
        assertEquals("word-csv", t.format());
        assertEquals(1, t.report().overlapRepairs());
        assertEquals(0.35, t.words().get(0).end(), 1e-9, "previous word cut at the next start");
        assertTrue(t.report().warnings().get(0).contains("line 3"), t.report().warnings().toString());
        TranscriptException cols = fails("bad-columns.csv");
        assertEquals(3, cols.line());
        assertTrue(cols.getMessage().contains("start;end;word;confidence"));
        TranscriptException empty = fails("bad-empty-word.csv");
        assertEquals(3, empty.line());
        assertTrue(empty.getMessage().contains("empty word"));
        TranscriptException neg = fails("bad-negative.csv");
        assertEquals(2, neg.line());
        assertTrue(neg.getMessage().contains("negative time"));
    }

    @Test
    void cp1252BytesAreDecodedAndCounted() throws Exception {
        Transcript t = TranscriptReaders.defaults().read(fixture("cp1252.csv"));
        assertEquals(List.of("café", "don't"), words(t), "0xE9 -> é, 0x92 -> ’ -> '");
        assertTrue(t.report().cp1252Fallback());
        assertEquals(2, t.report().encodingRepairs());
        assertEquals(1, t.report().quoteRepairs());
        assertTrue(t.report().warnings().get(0).contains("line 2"), t.report().warnings().toString());
    }

    @Test
    void mojibakeIsRepairedButGenuineAccentsAreKept() {
        var d = TextDecoder.decode("itâ€™s naÃ¯ve, café, “quoted”".getBytes(java.nio.charset.StandardCharsets.UTF_8), Path.of("x"));
        assertEquals("it's naïve, café, \"quoted\"", d.text());
        assertEquals(2, d.report().mojibakeRepairs());
        assertEquals(3, d.report().quoteRepairs());
    }

    @Test
    void registryByNameAndExtension() throws Exception {
        TranscriptReaders r = TranscriptReaders.defaults();
        assertEquals(List.of("srt", "webvtt", "whisper-json", "textgrid", "meld-csv", "word-csv"), r.names());
        assertEquals("meld-csv", r.forFile(fixture("meld-cp1252.csv")).format());
        assertEquals("word-csv", r.forFile(fixture("overlap.csv")).format());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> r.byName("docx"));
        assertTrue(unknown.getMessage().contains("srt"));
        assertThrows(IllegalArgumentException.class, () -> r.with(new SrtReader()));
        assertThrows(IllegalArgumentException.class, () -> r.forFile(Path.of("x.docx")));
    }

    @Test
    void spreaderIsProportionalToLetters() {
        List<TimedWord> w = WordSpreader.spread("a bbb -- ...", 0, 4);
        assertEquals(2, w.size());
        assertEquals(1.0, w.get(0).end(), 1e-9);
        assertEquals(4.0, w.get(1).end(), 1e-9);
        assertEquals(0, WordSpreader.spread("  ", 0, 1).size());
    }

    @Test
    void errorsQuoteOnlyAShortEscapedExcerptOfTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // the first line of a file that is no known .csv format used to be copied whole into the message
        Path csv = java.nio.file.Files.writeString(dir.resolve("x.csv"), "root:x:0:0:" + "r".repeat(5000) + "\u001B[31m\n");
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class, () -> TranscriptReaders.defaults().read(csv));
        assertTrue(first.getMessage().contains("first line 'root:x:0:0:rrr") && first.getMessage().contains("...' (4096 chars)"), first.getMessage());
        assertTrue(first.getMessage().length() < 400, first.getMessage());

        Path words = java.nio.file.Files.writeString(dir.resolve("w.csv"), "start;end;word\n0;" + "9".repeat(3000) + "x;w\n");
        TranscriptException num = assertThrows(TranscriptException.class, () -> TranscriptReaders.defaults().read(words));
        assertTrue(num.getMessage().contains("line 2, field end") && num.getMessage().contains("(3001 chars)"), num.getMessage());
        assertTrue(num.getMessage().length() < 400 && num.getCause() == null, num.getMessage());
        assertTrue(num instanceof org.mer4j.api.MalformedFileException);

        Path vtt = java.nio.file.Files.writeString(dir.resolve("x.vtt"), "NOT\u0007VTT " + "q".repeat(200) + "\n");
        TranscriptException header = assertThrows(TranscriptException.class, () -> TranscriptReaders.defaults().read(vtt));
        assertTrue(header.getMessage().contains("'NOT\\u0007VTT qqq") && header.getMessage().length() < 400, header.getMessage());
    }

    @Test
    void theFormatFollowsTheNameTheManifestGivesNotTheLinkTarget(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path blob = java.nio.file.Files.writeString(dir.resolve("blob-1234"), "1\n00:00:01,000 --> 00:00:02,000\nhello there\n");
        Transcript t = TranscriptReaders.defaults().read(blob, "clip.srt");
        assertEquals("srt", t.format());
        assertEquals(List.of("hello", "there"), words(t));
    }
}
