package org.mer4j.text.transcripts;

import java.util.List;

/**
 * What was repaired while reading a transcript; all counts are zero for a clean file.
 *
 * @param cp1252Fallback the bytes were not valid UTF-8 and were decoded as Windows-1252
 * @param encodingRepairs non-ASCII bytes decoded through the Windows-1252 fallback
 * @param mojibakeRepairs UTF-8-read-as-Windows-1252 sequences turned back into the intended character (e.g. {@code â€™ -> ’})
 * @param quoteRepairs typographic quotes/apostrophes normalised to ASCII {@code '} and {@code "}
 * @param overlapRepairs words that started before the previous word ended; the previous word's end was cut to the new start
 * @param warnings human-readable notes on the above (at most a few per kind)
 */
public record TranscriptReport(boolean cp1252Fallback, int encodingRepairs, int mojibakeRepairs, int quoteRepairs,
                               int overlapRepairs, List<String> warnings) {
    public TranscriptReport {
        warnings = List.copyOf(warnings);
    }

    /** A report with nothing repaired. */
    public static TranscriptReport clean() {
        return new TranscriptReport(false, 0, 0, 0, 0, List.of());
    }

    /** Whether anything was repaired. */
    public boolean repaired() {
        return cp1252Fallback || encodingRepairs + mojibakeRepairs + quoteRepairs + overlapRepairs > 0;
    }
}
