package org.mer4j.text.transcripts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mer4j.api.TimedWord;

/**
 * MELD CSV ({@link MeldCsv}) as a transcript. MELD times are episode times and a file mixes many
 * episodes, so the words of one file only make sense per dialogue or per utterance:
 * <ul>
 *   <li>{@link #forUtterance(int, int)}: one utterance, words spread over its own clip
 *       ({@code 0 .. EndTime - StartTime}), which is what the per-utterance MELD videos need;</li>
 *   <li>{@link #forDialogue(int)}: one dialogue in episode time;</li>
 *   <li>no selection (the registry's default): the file must hold a single dialogue, else it fails
 *       and says to select one.</li>
 * </ul>
 */
public final class MeldCsvReader implements TranscriptReader {
    /** Format name. */
    public static final String FORMAT = "meld-csv";
    private final Integer dialogueId;
    private final Integer utteranceId;

    /** Reads files that hold one dialogue. */
    public MeldCsvReader() {
        this(null, null);
    }

    private MeldCsvReader(Integer dialogueId, Integer utteranceId) {
        this.dialogueId = dialogueId;
        this.utteranceId = utteranceId;
    }

    /** One utterance, clip-relative times. */
    public static MeldCsvReader forUtterance(int dialogueId, int utteranceId) {
        return new MeldCsvReader(dialogueId, utteranceId);
    }

    /** One dialogue, episode times. */
    public static MeldCsvReader forDialogue(int dialogueId) {
        return new MeldCsvReader(dialogueId, null);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public List<String> extensions() {
        return List.of("csv");
    }

    @Override
    public boolean recognises(String firstLine) {
        String h = MeldCsv.key(firstLine);
        return h.contains("utterance") && h.contains("starttime") && h.contains("dialogueid");
    }

    @Override
    public Transcript read(Path file) throws IOException {
        MeldTable table = MeldCsv.read(file);
        List<MeldUtterance> rows = new ArrayList<>();
        for (MeldUtterance u : table.rows()) {
            if ((dialogueId == null || u.dialogueId() == dialogueId) && (utteranceId == null || u.utteranceId() == utteranceId)) {
                rows.add(u);
            }
        }
        String selection = dialogueId == null ? "" : "dialogue " + dialogueId + (utteranceId == null ? "" : " utterance " + utteranceId);
        if (rows.isEmpty() && dialogueId != null) {
            throw TranscriptException.at(file, 0, "Dialogue_ID", "no row for " + selection, "a row with these ids",
                    "check the ids against the clip name dia<D>_utt<U>");
        }
        long dialogues = rows.stream().mapToInt(MeldUtterance::dialogueId).distinct().count();
        if (dialogues > 1) {
            throw TranscriptException.at(file, 0, "Dialogue_ID", "the file holds " + dialogues + " dialogues with episode-relative times",
                    "one dialogue per transcript", "read it with MeldCsv.read(...) or MeldCsvReader.forUtterance(d, u) / forDialogue(d)");
        }
        RepairLog log = new RepairLog();
        List<RawWord> words = new ArrayList<>();
        for (MeldUtterance u : rows) {
            List<TimedWord> ws = utteranceId != null ? u.clipWords() : u.words();
            for (TimedWord w : ws) {
                words.add(new RawWord(w.word(), w.start(), w.end(), u.line(), "Utterance"));
            }
        }
        List<TimedWord> finished = WordTimeline.finish(file, words, log);
        TranscriptReport r = table.report();
        TranscriptReport lr = log.report();
        List<String> warnings = new ArrayList<>(r.warnings());
        warnings.addAll(lr.warnings());
        if (!selection.isEmpty()) {
            warnings.add(String.format(Locale.ROOT, "%s: selected %s", file, selection));
        }
        return new Transcript(file, format(), finished, new TranscriptReport(r.cp1252Fallback(), r.encodingRepairs(),
                r.mojibakeRepairs(), r.quoteRepairs(), lr.overlapRepairs(), warnings));
    }
}
