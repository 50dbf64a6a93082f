package org.mer4j.text.transcripts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes transcript bytes without ever failing on the encoding, then repairs text damage that
 * subtitle and corpus files commonly carry (MELD's CSVs have all of it):
 * <ol>
 *   <li>a byte-order mark selects UTF-8 or UTF-16 (Praat writes UTF-16 TextGrids);</li>
 *   <li>otherwise strict UTF-8; if the bytes are not valid UTF-8, every valid UTF-8 sequence is
 *       still read as UTF-8 and each remaining byte as Windows-1252 (bytes 0x81, 0x8D, 0x8F, 0x90,
 *       0x9D, undefined there, map to the same code point), each such byte counted as an encoding
 *       repair; files that mix the two (MELD's do) come out right;</li>
 *   <li>mojibake repair: runs of characters that are UTF-8 bytes read as Windows-1252 (e.g.
 *       {@code "â€™"}) are turned back into the intended character ({@code ’}); only complete,
 *       valid UTF-8 multi-byte sequences are replaced, so genuine accented text is left alone;</li>
 *   <li>typographic quotes and apostrophes ({@code ‘ ’ ‚ ‛ “ ” „ ‟}) become ASCII {@code '} and
 *       {@code "}; no-break spaces become spaces (not counted).</li>
 * </ol>
 */
public final class TextDecoder {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    /** Windows-1252 decoding of bytes 0x80..0x9F (undefined ones map to the same code point). */
    private static final char[] HIGH = new char[32];

    static {
        for (int b = 0x80; b < 0xA0; b++) {
            String s = new String(new byte[] {(byte) b}, CP1252);
            HIGH[b - 0x80] = s.length() == 1 && s.charAt(0) != '\uFFFD' ? s.charAt(0) : (char) b;
        }
    }

    private TextDecoder() {
    }

    /** Reads and decodes a file, recording repairs in {@code log}. */
    static String read(Path file, RepairLog log) throws IOException {
        return decode(Files.readAllBytes(file), file, log);
    }

    /**
     * Decodes bytes as described in the class comment.
     *
     * @param bytes the raw file content
     * @param source names the file in warnings
     * @return the repaired text and what was repaired (overlap count always 0 here)
     */
    public static Decoded decode(byte[] bytes, Path source) {
        RepairLog log = new RepairLog();
        String s = decode(bytes, source, log);
        return new Decoded(s, log.report());
    }

    /**
     * Text decoded by {@link #decode(byte[], Path)}.
     *
     * @param text the repaired text
     * @param report the repairs made
     */
    public record Decoded(String text, TranscriptReport report) {
    }

    static String decode(byte[] bytes, Path source, RepairLog log) {
        String text;
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else {
            int off = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, off, bytes.length - off)).toString();
            } catch (CharacterCodingException e) {
                text = decodeCp1252(bytes, off, log);
                log.cp1252Fallback = true;
                log.warn(source + ": not valid UTF-8 (first bad byte on line " + lineOfFirstBadByte(bytes, off)
                        + "); decoded as Windows-1252, " + log.encodingRepairs
                        + " non-ASCII bytes; re-save the file as UTF-8 to silence this");
            }
        }
        text = repairMojibake(text, log);
        if (log.mojibakeRepairs > 0) {
            log.warn(source + ": repaired " + log.mojibakeRepairs + " mojibake sequences (UTF-8 read as Windows-1252, e.g. 'â€™' -> '’')");
        }
        text = normaliseQuotes(text, log);
        return text;
    }

    private static String decodeCp1252(byte[] bytes, int off, RepairLog log) {
        StringBuilder sb = new StringBuilder(bytes.length - off);
        for (int i = off; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                sb.append((char) b);
                continue;
            }
            int n = utf8Length(bytes, i);
            if (n > 1) {
                sb.append(new String(bytes, i, n, StandardCharsets.UTF_8));
                i += n - 1;
            } else {
                log.encodingRepairs++;
                sb.append(b < 0xA0 ? HIGH[b - 0x80] : (char) b);
            }
        }
        return sb.toString();
    }

    /** Length of the valid UTF-8 multi-byte sequence starting at {@code i}, or 0 when there is none. */
    private static int utf8Length(byte[] bytes, int i) {
        int b = bytes[i] & 0xff;
        int n = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (n == 0 || i + n > bytes.length) {
            return 0;
        }
        for (int k = 1; k < n; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return n;
    }

    private static int lineOfFirstBadByte(byte[] bytes, int off) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, off, bytes.length - off);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        dec.decode(in, out, true);
        int line = 1;
        for (int i = off; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The Windows-1252 byte a character came from, or -1 when it is not a high byte of that code page. */
    private static int cp1252Byte(char c) {
        if (c >= 0xA0 && c <= 0xFF) {
            return c;
        }
        for (int i = 0; i < HIGH.length; i++) {
            if (HIGH[i] == c) {
                return 0x80 + i;
            }
        }
        return -1;
    }

    static String repairMojibake(String text, RepairLog log) {
        StringBuilder sb = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int lead = cp1252Byte(text.charAt(i));
            int need = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
            if (need > 0) {
                int cp = lead & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
                boolean ok = true;
                for (int k = 1; k <= need && ok; k++) {
                    if (i + k >= n) {
                        ok = false;
                        break;
                    }
                    int b = cp1252Byte(text.charAt(i + k));
                    ok = b >= 0x80 && b <= 0xBF;
                    cp = (cp << 6) | (b & 0x3F);
                }
                boolean minimal = need == 1 || (need == 2 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) || (need == 3 && cp >= 0x10000 && cp <= 0x10FFFF);
                if (ok && minimal) {
                    if (sb == null) {
                        sb = new StringBuilder(n).append(text, 0, i);
                    }
                    sb.appendCodePoint(cp);
                    log.mojibakeRepairs++;
                    i += need + 1;
                    continue;
                }
            }
            if (sb != null) {
                sb.append(text.charAt(i));
            }
            i++;
        }
        return sb == null ? text : sb.toString();
    }

    static String normaliseQuotes(String text, RepairLog log) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char r = switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B' -> '\'';
                case '\u201C', '\u201D', '\u201E', '\u201F' -> '"';
                case '\u00A0' -> ' ';
                default -> c;
            };
            if (r != c) {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                sb.setCharAt(i, r);
                if (c != '\u00A0') {
                    log.quoteRepairs++;
                }
            }
        }
        return sb == null ? text : sb.toString();
    }
}
