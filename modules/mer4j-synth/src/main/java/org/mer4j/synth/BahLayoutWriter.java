package org.mer4j.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.api.TimedWord;
import org.mer4j.api.WordTranscripts;

/**
 * Lays a generated synthetic corpus out as the BAH dataset is distributed (González-González,
 * Belharbi et al. 2025), so the {@code bah} dataset adapter and the {@code configs/bah} recipe can
 * be run without the real data:
 * <pre>
 * out/
 *   train.txt val.txt test.txt     Videos/&lt;pid&gt;/Visite_1/&lt;pid&gt;_Question_&lt;k&gt;_&lt;date&gt;_Video.mp4,&lt;0|1&gt;,&lt;transcript&gt;
 *   class_id.yaml                  With A-H: 1 / No A-H: 0
 *   video_annotation.yaml          &lt;video path&gt;: {frame_annotation: [[frame, label], ...]} (block style, as PyYAML writes it)
 *   Videos/&lt;pid&gt;/Visite_1/*.mp4     copies of the synthetic clips
 *   transcripts/&lt;pid&gt;/Visite_1/&lt;stem&gt;.csv   Vosk-style words: start;end;word;confidence (ms, confidence in %)
 *   mer4j-synth-clips.csv          synthetic clip id -> BAH video path and split, to trace labels back
 * </pre>
 * Participant ids are {@code 80001, 80002, ...} in the order of the sorted synthetic subject ids;
 * question {@code k} is the clip's number within its subject. Splits are by subject: the last 20%
 * of the subjects (at least one) are {@code test}, the 20% before them {@code val}, the rest
 * {@code train}. Frame {@code i} is labelled A/H when its time {@code i / fps} lies in one of the
 * clip's A/H segments; the video label is the clip's {@code ahVideoLabel()}. The split files'
 * transcript is the clip's words joined by spaces, with a comma after each filler, so it holds
 * commas as BAH's transcripts do.
 */
public final class BahLayoutWriter {
    /** The file that maps synthetic clip ids to their BAH video paths. */
    public static final String CLIP_MAP = "mer4j-synth-clips.csv";

    private BahLayoutWriter() {
    }

    /**
     * Writes {@code corpus} (a generated synthetic corpus, its media under its root) in the BAH
     * layout into {@code out}.
     *
     * @param fps the corpus's video frame rate ({@link SynthConfig#fps()}), which the frame numbers count in
     * @return synthetic clip id to the BAH video path (relative to {@code out}), in manifest order
     * @throws IllegalArgumentException when the corpus has fewer than 3 subjects (one per split) or a clip has no duration
     */
    public static Map<String, String> write(Manifest corpus, double fps, Path out) throws IOException {
        List<String> subjects = new ArrayList<>(new TreeSet<>(corpus.clips().stream().map(Clip::subject).toList()));
        int n = subjects.size();
        if (n < 3) {
            throw new IllegalArgumentException("the BAH layout needs at least 3 subjects (train, val and test each get one), the corpus has " + n);
        }
        int nTest = Math.max(1, (int) Math.round(n * 0.2));
        int nVal = Math.max(1, (int) Math.round(n * 0.2));
        Map<String, String> splitOf = new LinkedHashMap<>();
        Map<String, String> pidOf = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            splitOf.put(subjects.get(i), i >= n - nTest ? "test" : i >= n - nTest - nVal ? "val" : "train");
            pidOf.put(subjects.get(i), Integer.toString(80001 + i));
        }
        Map<String, StringBuilder> splitFiles = new LinkedHashMap<>();
        for (String s : List.of("train", "val", "test")) {
            splitFiles.put(s, new StringBuilder());
        }
        StringBuilder annotations = new StringBuilder();
        StringBuilder clipMap = new StringBuilder("clip_id,video,split\n");
        Map<String, Integer> question = new LinkedHashMap<>();
        Map<String, String> videos = new LinkedHashMap<>();
        for (Clip c : corpus.clips()) {
            if (c.duration() == null) {
                throw new IllegalArgumentException("clip " + c.id() + " has no duration; generate the corpus with CorpusGenerator");
            }
            String pid = pidOf.get(c.subject());
            int k = question.merge(c.subject(), 1, Integer::sum);
            int subjectIndex = subjects.indexOf(c.subject());
            String date = String.format(Locale.ROOT, "2025-01-%02d_10-%02d-00", subjectIndex % 28 + 1, k % 60);
            String stem = pid + "_Question_" + k + "_" + date + "_Video";
            String video = "Videos/" + pid + "/Visite_1/" + stem + ".mp4";
            copy(corpus.resolve(c.video()), out.resolve(video));

            List<TimedWord> words = c.transcript() == null ? List.of() : WordTranscripts.read(corpus.resolve(c.transcript()));
            AtomicFiles.writeString(out.resolve("transcripts/" + pid + "/Visite_1/" + stem + ".csv"), vosk(words));
            int label = c.labels().ahVideoLabel() ? 1 : 0;
            splitFiles.get(splitOf.get(c.subject())).append(video).append(',').append(label).append(',').append(text(words)).append('\n');

            annotations.append(video).append(":\n  frame_annotation:\n");
            long frames = Math.round(c.duration() * fps);
            for (long i = 0; i < frames; i++) {
                annotations.append("  - - ").append(i).append("\n    - ").append(c.labels().ahAt(i / fps) ? 1 : 0).append('\n');
            }
            clipMap.append(c.id()).append(',').append(video).append(',').append(splitOf.get(c.subject())).append('\n');
            videos.put(c.id(), video);
        }
        for (Map.Entry<String, StringBuilder> e : splitFiles.entrySet()) {
            AtomicFiles.writeString(out.resolve(e.getKey() + ".txt"), e.getValue().toString());
        }
        AtomicFiles.writeString(out.resolve("class_id.yaml"), "With A-H: 1\nNo A-H: 0\n");
        AtomicFiles.writeString(out.resolve("video_annotation.yaml"), annotations.toString());
        AtomicFiles.writeString(out.resolve(CLIP_MAP), clipMap.toString());
        return videos;
    }

    /** Vosk's word CSV as BAH's pipeline writes it: header, ';', times in ms with one decimal, confidence in percent. */
    static String vosk(List<TimedWord> words) {
        StringBuilder sb = new StringBuilder("start;end;word;confidence\n");
        for (TimedWord w : words) {
            sb.append(String.format(Locale.ROOT, "%.1f;%.1f;%s;100.0\n", w.start() * 1000, w.end() * 1000, w.word()));
        }
        return sb.toString();
    }

    private static String text(List<TimedWord> words) {
        StringBuilder sb = new StringBuilder();
        for (TimedWord w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.word());
            if (Vocabulary.FILLERS.contains(w.word())) {
                sb.append(',');
            }
        }
        return sb.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Path tmp = to.resolveSibling("." + to.getFileName() + ".part");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.moveIntoPlace(tmp, to);
    }
}
