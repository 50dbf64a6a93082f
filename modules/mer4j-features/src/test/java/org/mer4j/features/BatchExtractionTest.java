package org.mer4j.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.BatchExtractor;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Manifest;
import org.mer4j.api.Modality;
import org.mer4j.api.TimedWord;
import org.mer4j.media.DecodeConfig;

/**
 * A {@link BatchExtractor} gets the clips that passed the first pass in consecutive groups of
 * {@code batchClips()} in manifest order; a failing batch is redone clip by clip so only the bad clip is
 * skipped; cached tracks are not recomputed; and the stored tracks equal the one-clip path's.
 */
class BatchExtractionTest {
    record Cfg(int version) {
    }

    /** One row per clip: the number of words and the first word's length; a clip saying "poison" fails. */
    static final class WordStats implements BatchExtractor {
        final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        int opened;

        @Override
        public String name() {
            return "word-stats";
        }

        @Override
        public Modality modality() {
            return Modality.TEXT;
        }

        @Override
        public Record config() {
            return new Cfg(1);
        }

        @Override
        public int batchClips() {
            return 3;
        }

        static FeatureTrack track(ClipSource s) throws ClipFailedException {
            List<TimedWord> w = s.words();
            if (w.stream().anyMatch(x -> x.word().equals("poison"))) {
                throw new ClipFailedException(s.clip().id(), "poisoned", "this clip says poison");
            }
            return new FeatureTrack("word-stats", new double[] {0}, 2, new float[] {w.size(), w.isEmpty() ? 0 : w.get(0).word().length()},
                    new boolean[] {true});
        }

        @Override
        public List<FeatureTrack> extractAll(List<ClipSource> sources) throws ClipFailedException {
            calls.add(sources.stream().map(s -> s.clip().id()).toList());
            List<FeatureTrack> out = new ArrayList<>();
            for (ClipSource s : sources) {
                out.add(track(s));
            }
            return out;
        }

        @Override
        public synchronized ExtractionSession open(ClipSource source) throws ClipFailedException {
            opened++;
            FeatureTrack t = track(source);
            return () -> t;
        }
    }

    @Test
    void batchesInManifestOrderAndIsolateTheBadClip(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("data"));
        List<Clip> clips = new ArrayList<>();
        String[] texts = {"hello", "a b", "poison", "x y z", "yes", "", "broken", "one two"};
        for (int i = 0; i < texts.length; i++) {
            String file = "c" + i + ".csv";
            String body = texts[i].equals("broken") ? "not;a;word;csv;line\n" : wordCsv(texts[i]);
            Files.writeString(root.resolve(file), body);
            clips.add(new Clip("c" + i, "s1", null, null, file, null, null));
        }
        Manifest m = new Manifest("batch", root, clips);
        WordStats stats = new WordStats();
        FeatureStore store = new FeatureStore(dir.resolve("cache"));
        ExtractionRunner runner = new ExtractionRunner(store, List.of(stats), DecodeConfig.defaults(), 2, ClipWordSource.wordCsv());
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        ExtractionReport r = runner.run(m, log::add);

        assertEquals(6, r.extracted(), log.toString());
        assertEquals(2, r.skipped().size(), r.skipped().toString());
        assertEquals("poisoned", r.skipped().stream().filter(s -> s.clipId().equals("c2")).findFirst().orElseThrow().reason());
        assertEquals("bad-transcript", r.skipped().stream().filter(s -> s.clipId().equals("c6")).findFirst().orElseThrow().reason());
        List<List<String>> batches = new ArrayList<>(stats.calls);
        batches.sort(java.util.Comparator.comparing(c -> c.get(0)));
        assertEquals(List.of(List.of("c0", "c1", "c2"), List.of("c3", "c4", "c5"), List.of("c7")), batches,
                "batches of 3 in manifest order (run in parallel), without the clip the first pass skipped");
        assertEquals(3, stats.opened, "only the failed batch (c0, c1, c2) is redone clip by clip");
        for (int i : new int[] {0, 1, 3, 4, 5, 7}) {
            FeatureTrack stored = runner.load(m, clips.get(i)).orElseThrow().tracks().get(Modality.TEXT).get(0);
            String[] w = texts[i].isEmpty() ? new String[0] : texts[i].split(" ");
            assertEquals(List.of((float) w.length, (float) (w.length == 0 ? 0 : w[0].length())), List.of(stored.get(0, 0), stored.get(0, 1)),
                    "clip c" + i + " got its own track");
        }

        stats.calls.clear();
        ExtractionReport again = runner.run(m, line -> { });
        assertEquals(6, again.cached());
        assertEquals(List.of(List.of("c2")), stats.calls, "only the clip that failed is tried again");
    }

    private static String wordCsv(String text) {
        StringBuilder sb = new StringBuilder();
        String[] w = text.isEmpty() ? new String[0] : text.split(" ");
        for (int i = 0; i < w.length; i++) {
            sb.append(i * 300).append(';').append((i + 1) * 300).append(';').append(w[i]).append(";1\n");
        }
        return sb.toString();
    }
}
