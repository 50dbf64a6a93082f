package org.mer4j.text.transcripts;

import java.util.ArrayList;
import java.util.List;

/** Mutable collector of the repairs made while reading one file; turned into a {@link TranscriptReport}. */
final class RepairLog {
    private static final int MAX_WARNINGS_PER_KIND = 3;
    boolean cp1252Fallback;
    int encodingRepairs;
    int mojibakeRepairs;
    int quoteRepairs;
    int overlapRepairs;
    private final List<String> warnings = new ArrayList<>();
    private int overlapWarnings;

    void warn(String message) {
        warnings.add(message);
    }

    void overlap(String message) {
        overlapRepairs++;
        if (overlapWarnings++ < MAX_WARNINGS_PER_KIND) {
            warnings.add(message);
        }
    }

    TranscriptReport report() {
        List<String> all = new ArrayList<>(warnings);
        if (overlapRepairs > MAX_WARNINGS_PER_KIND) {
            all.add((overlapRepairs - MAX_WARNINGS_PER_KIND) + " more overlapping words repaired the same way");
        }
        return new TranscriptReport(cp1252Fallback, encodingRepairs, mojibakeRepairs, quoteRepairs, overlapRepairs, all);
    }
}
