package org.mer4j.text.vocab;

import java.nio.charset.StandardCharsets;
import org.mer4j.text.VerbalMarkers;

/**
 * Stable 24-bit word ids: FNV-1a (64-bit) of the UTF-8 bytes of the normalised word
 * ({@link VerbalMarkers#normalize}), folded to 24 bits by XOR of its three low 24-bit pieces, then
 * mapped into {@code 1 .. 2^24 - 1}. Every id is exactly representable as a float (24-bit
 * mantissa), so it survives a float feature track; 0 means "no word". Collisions are rare (about
 * one pair per 16 million squared-over-two words) and harmless for a vocabulary.
 */
public final class WordIds {
    /** The id of "no word". */
    public static final int NONE = 0;
    /** Exclusive upper bound of ids. */
    public static final int LIMIT = 1 << 24;

    private WordIds() {
    }

    /** The id of a raw word (normalised here); 0 when nothing is left after normalisation. */
    public static int of(String rawWord) {
        String w = VerbalMarkers.normalize(rawWord);
        if (w.isEmpty()) {
            return NONE;
        }
        long h = 0xcbf29ce484222325L;
        for (byte b : w.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        int folded = (int) ((h ^ (h >>> 24) ^ (h >>> 48)) & 0xFFFFFF);
        return folded % (LIMIT - 1) + 1;
    }
}
