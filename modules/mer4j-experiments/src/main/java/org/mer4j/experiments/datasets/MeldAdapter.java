package org.mer4j.experiments.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.DatasetAdapter;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;
import org.mer4j.api.TimedWord;
import org.mer4j.api.WordTranscripts;
import org.mer4j.text.transcripts.MeldCsv;
import org.mer4j.text.transcripts.MeldTable;
import org.mer4j.text.transcripts.MeldUtterance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MELD (Poria et al., "MELD: A Multimodal Multi-Party Dataset for Emotion Recognition in
 * Conversations", ACL 2019) from its three official CSVs ({@code train_sent_emo.csv},
 * {@code dev_sent_emo.csv}, {@code test_sent_emo.csv}) in {@code root}. Each utterance becomes a
 * text clip: id {@code <split>-dia<D>_utt<U>}, subject = speaker, emotion = the 7-class label,
 * split = {@code train}, {@code val} (MELD's dev) or {@code test}. Its words are spread over the
 * utterance's own duration (MELD has utterance times only) and written as a word CSV under the
 * work folder. Metadata: {@code text}, {@code dialogue} ({@code <split>-dia<D>}: MELD numbers dialogues per
 * file), {@code utterance} ({@code U}, the position in the dialogue, for {@code rows[].context}) and
 * {@code sentiment}. Rows MELD itself gets wrong (bad times, empty text) are skipped, counted and logged;
 * a missing CSV or column fails with the file named. Media are not used by this text recipe.
 */
public final class MeldAdapter implements DatasetAdapter {
    /** Name in configs. */
    public static final String NAME = "meld";

    private static final Logger LOG = LoggerFactory.getLogger(MeldAdapter.class);
    /** Official file per mer4j split name. */
    static final Map<String, String> FILES = new LinkedHashMap<>(Map.of());
    private static final Set<String> EMOTIONS = Set.of("neutral", "joy", "surprise", "anger", "sadness", "disgust", "fear");

    static {
        FILES.put("train", "train_sent_emo.csv");
        FILES.put("val", "dev_sent_emo.csv");
        FILES.put("test", "test_sent_emo.csv");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String expectedLayout() {
        return "the folder holding MELD's train_sent_emo.csv, dev_sent_emo.csv and test_sent_emo.csv";
    }

    @Override
    public Manifest load(Path corpus, Path workDir) throws IOException {
        Path root = corpus.toAbsolutePath().normalize();
        Path transcripts = Files.createDirectories(workDir.toAbsolutePath().resolve("transcripts"));
        List<Clip> clips = new ArrayList<>();
        int rejected = 0;
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Path csv = root.resolve(e.getValue());
            if (!Files.isRegularFile(csv)) {
                throw new ManifestException(csv + ": missing; data.root must be " + expectedLayout());
            }
            MeldTable table = MeldCsv.readLenient(csv);
            rejected += table.rejected().size();
            table.rejected().forEach(r -> LOG.warn("MELD row skipped: {}", r.getMessage()));
            for (MeldUtterance u : table.rows()) {
                clips.add(clip(e.getKey(), u, csv, transcripts, workDir.toAbsolutePath()));
            }
        }
        if (rejected > 0) {
            LOG.warn("MELD: {} rows skipped as invalid (listed above); {} utterances kept", rejected, clips.size());
        }
        return new Manifest("meld", workDir.toAbsolutePath(), clips);
    }

    private static Clip clip(String split, MeldUtterance u, Path csv, Path transcripts, Path base) throws IOException {
        String emotion = u.emotion() == null ? null : u.emotion().strip().toLowerCase(java.util.Locale.ROOT);
        if (emotion != null && !EMOTIONS.contains(emotion)) {
            throw new ManifestException(csv + " line " + u.line() + ": Emotion " + org.mer4j.api.Excerpt.quote(u.emotion()) + " is not one of MELD's " + EMOTIONS
                    + "; fix the row or remove it");
        }
        String id = split + "-" + u.clipName();
        Path words = transcripts.resolve(id + ".words.csv");
        List<TimedWord> timed = u.clipWords().stream().map(w -> new TimedWord(w.word().replace(';', ','), w.start(), w.end())).toList();
        WordTranscripts.write(words, timed);
        String speaker = u.speaker() == null || u.speaker().isBlank() ? "unknown" : u.speaker().strip();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("text", u.text());
        // MELD numbers dialogues per file, so the conversation is named with its split (as the clip id is)
        meta.put("dialogue", split + "-dia" + u.dialogueId());
        meta.put("utterance", Integer.toString(u.utteranceId()));
        if (u.sentiment() != null) {
            meta.put("sentiment", u.sentiment());
        }
        return new Clip(id, speaker, null, null, base.relativize(words).toString(), new ClipLabels(emotion, List.of(), null, null),
                split, meta);
    }
}
