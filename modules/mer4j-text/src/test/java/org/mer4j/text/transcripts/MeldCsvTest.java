package org.mer4j.text.transcripts;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.api.TimedWord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mer4j.text.transcripts.TranscriptReadersTest.fixture;

class MeldCsvTest {
    @Test
    void readsRowsWithQuotedCommasNewlinesAndMojibake() throws Exception {
        MeldTable t = MeldCsv.read(fixture("meld.csv"));
        assertEquals(3, t.rows().size());
        MeldUtterance u = t.rows().get(0);
        assertEquals("also I was the point person on my company's transition from the KL-5 to GR-6 system.", u.text());
        assertEquals("Chandler", u.speaker());
        assertEquals("neutral", u.emotion());
        assertEquals("neutral", u.sentiment());
        assertEquals(0, u.dialogueId());
        assertEquals(0, u.utteranceId());
        assertEquals(8, u.season());
        assertEquals(21, u.episode());
        assertEquals(16 * 60 + 16.059, u.start(), 1e-9);
        assertEquals(16 * 60 + 21.731, u.end(), 1e-9);
        assertEquals("dia0_utt0", u.clipName());
        MeldUtterance multi = t.find(1, 0).orElseThrow();
        assertEquals("Well, uh,\nthat's it", multi.text(), "newline inside quotes kept; double mojibake repaired");
        assertEquals(4, multi.line());
        assertEquals("joy", multi.emotion());
        assertTrue(t.report().mojibakeRepairs() >= 1);
        List<TimedWord> clip = u.clipWords();
        assertEquals(0, clip.get(0).start(), 1e-9);
        assertEquals(u.duration(), clip.get(clip.size() - 1).end(), 1e-9);
    }

    @Test
    void cp1252MeldFileIsRepaired() throws Exception {
        MeldTable t = MeldCsv.read(fixture("meld-cp1252.csv"));
        assertEquals("You must've had your hands full.", t.rows().get(0).text());
        assertTrue(t.report().cp1252Fallback());
        assertEquals(1, t.report().encodingRepairs());
    }

    @Test
    void fileMixingCp1252BytesAndUtf8MojibakeIsRepairedBoth() {
        // rebuild as real bytes: 0x92 (cp1252 apostrophe), then UTF-8 mojibake of the curly quotes, then UTF-8 e-acute
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("Don".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(0x92);
        out.writeBytes("t say \u00e2\u20ac\u0153hi\u00e2\u20ac\u009d, caf\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TextDecoder.Decoded d = TextDecoder.decode(out.toByteArray(), java.nio.file.Path.of("mixed.csv"));
        assertEquals("Don't say \"hi\", caf\u00e9", d.text());
    }

    @Test
    void badRowsFailStrictlyOrAreRejectedLeniently() throws Exception {
        TranscriptException e = assertThrows(TranscriptException.class, () -> MeldCsv.read(fixture("meld-bad-rows.csv")));
        assertEquals(3, e.line());
        assertEquals("StartTime", e.field());
        assertTrue(e.getMessage().contains("hh:mm:ss,mmm"), e.getMessage());
        MeldTable lenient = MeldCsv.readLenient(fixture("meld-bad-rows.csv"));
        assertEquals(1, lenient.rows().size());
        assertEquals(2, lenient.rejected().size());
        assertTrue(lenient.rejected().get(1).getMessage().contains("before StartTime"));
        TranscriptException missing = assertThrows(TranscriptException.class, () -> MeldCsv.readLenient(fixture("meld-missing-column.csv")));
        assertTrue(missing.getMessage().contains("missing column 'starttime'"), missing.getMessage());
    }

    @Test
    void readerNeedsOneDialogue() throws Exception {
        TranscriptException e = assertThrows(TranscriptException.class, () -> new MeldCsvReader().read(fixture("meld.csv")));
        assertTrue(e.getMessage().contains("forUtterance"), e.getMessage());
        Transcript one = MeldCsvReader.forUtterance(0, 1).read(fixture("meld.csv"));
        assertEquals("You", one.words().get(0).word());
        assertEquals(0, one.words().get(0).start(), 1e-9);
        Transcript dia = MeldCsvReader.forDialogue(0).read(fixture("meld.csv"));
        assertEquals(16 * 60 + 16.059, dia.words().get(0).start(), 1e-9);
    }
}
