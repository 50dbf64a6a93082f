package org.mer4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error messages quote at most a short, escaped excerpt of a file, never a whole line or raw control characters. */
class ExcerptTest {

    @Test
    void shortTextIsQuotedAsIsControlAndFormatCharactersAreEscaped() {
        assertEquals("'hello'", Excerpt.quote("hello"));
        assertEquals("''", Excerpt.quote(""));
        assertEquals("null", Excerpt.quote(null));
        assertEquals("'a\\u000Ab\\u001B[31mc\\u202Ed\\u0000'", Excerpt.quote("a\nb\u001B[31mc\u202Ed\u0000"));
        assertEquals("'h\u00e9 \uD83D\uDE00'", Excerpt.quote("h\u00e9 \uD83D\uDE00"), "accents and emoji stay readable");
        assertEquals("'\\uD800x'", Excerpt.quote("\uD800x"), "a lone surrogate is escaped");
    }

    @Test
    void longTextIsCutToEightyCharactersWithItsLength() {
        String big = "x".repeat(50_000_000);
        String q = Excerpt.quote(big);
        assertEquals("'" + "x".repeat(80) + "...' (50000000 chars)", q);
        assertEquals("x".repeat(80) + "... (50000000 chars)", Excerpt.of(big));
        String emoji = "a".repeat(79) + "\uD83D\uDE00tail";
        assertEquals("'" + "a".repeat(79) + "...' (" + emoji.length() + " chars)", Excerpt.quote(emoji), "a surrogate pair is not split");
    }

    @Test
    void transcriptAndTraceErrorsQuoteOnlyAnExcerpt(@TempDir Path dir) throws Exception {
        Path words = dir.resolve("w.csv");
        String line = "\u001B]0;pwned\u0007" + "y".repeat(10_000);
        Files.writeString(words, "start;end;word;confidence\n" + line + "\n");
        String msg = assertThrows(IOException.class, () -> WordTranscripts.read(words)).getMessage();
        assertTrue(msg.contains("line 2") && msg.contains("\\u001B]0;pwned\\u0007") && msg.contains("(10010 chars)"), msg);
        assertTrue(msg.length() < 400, msg);
        assertFalse(msg.chars().anyMatch(c -> c < 0x20), msg);

        Files.writeString(words, "100;" + "9".repeat(5000) + "z;word;1\n");
        String num = assertThrows(IOException.class, () -> WordTranscripts.read(words)).getMessage();
        assertTrue(num.contains("column 'end'") && num.contains("(5001 chars)") && num.length() < 400, num);
        String hidden = assertThrows(IOException.class, () -> WordTranscripts.read(words, false)).getMessage();
        // (a run of nines longer than any temp-folder number: the folder's random name may hold "999")
        assertTrue(hidden.contains("column 'end'") && !hidden.contains("9".repeat(20)), hidden);

        Path trace = dir.resolve("t.csv");
        Files.writeString(trace, "time,valence\n0," + "secret".repeat(1000) + "\n");
        String t = assertThrows(IOException.class, () -> TraceCsv.read(trace)).getMessage();
        assertTrue(t.contains("line 2") && t.contains("(6000 chars)") && t.length() < 400, t);
        String th = assertThrows(IOException.class, () -> TraceCsv.read(trace, false)).getMessage();
        assertTrue(th.contains("line 2") && !th.contains("secret"), th);
    }
}
