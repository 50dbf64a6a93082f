package org.mer4j.text.transcripts;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The rows of one MELD CSV.
 *
 * @param file the CSV read
 * @param rows valid rows in file order
 * @param rejected rows that failed validation (only filled by {@link MeldCsv#readLenient}); each names file, line and field
 * @param report encoding, mojibake and quote repairs
 */
public record MeldTable(Path file, List<MeldUtterance> rows, List<TranscriptException> rejected, TranscriptReport report) {
    public MeldTable {
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
    }

    /** The row of a dialogue and utterance id. */
    public Optional<MeldUtterance> find(int dialogueId, int utteranceId) {
        return rows.stream().filter(r -> r.dialogueId() == dialogueId && r.utteranceId() == utteranceId).findFirst();
    }
}
