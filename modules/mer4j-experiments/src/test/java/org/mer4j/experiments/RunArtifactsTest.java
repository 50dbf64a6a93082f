package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.features.IdColumns;
import org.mer4j.features.Standardizer;

/**
 * The run-folder files {@code predict} reads: the saved normalisation statistics give bit for bit the
 * features the run trained and tested on (global and per subject), and {@link RunPredictor#open}
 * refuses a folder that lacks something with a message that names it and the fix.
 */
class RunArtifactsTest {

    @Test
    void globalStatisticsReadBackBitForBit(@TempDir Path dir) throws Exception {
        List<AlignedClip> train = clips("s1", 3, 1);
        train.addAll(clips("s2", 2, 2));
        RunArtifacts.writeStandardizer(dir, "global", IdColumns.NONE, train, List.of(), clips("s3", 2, 3));
        RunArtifacts.StandardizerFile file = RunArtifacts.readStandardizer(dir);
        assertEquals("global", file.scope());
        Standardizer saved = RunArtifacts.standardizer(file.statistics(), IdColumns.NONE, dir.resolve(RunArtifacts.STANDARDIZER));
        Standardizer fitted = Standardizer.fit(train, IdColumns.NONE);
        for (AlignedClip c : clips("s9", 2, 4)) {
            assertSameFeatures(fitted.apply(c), saved.apply(c));
        }
    }

    @Test
    void perSubjectStatisticsAreThoseOfEachPart(@TempDir Path dir) throws Exception {
        List<AlignedClip> train = clips("s1", 3, 5);
        List<AlignedClip> test = clips("s2", 2, 6);
        test.addAll(clips("s3", 3, 7));
        RunArtifacts.writeStandardizer(dir, "subject", IdColumns.NONE, train, List.of(), test);
        RunArtifacts.StandardizerFile file = RunArtifacts.readStandardizer(dir);
        assertNull(file.statistics());
        assertEquals(List.of("s2", "s3"), List.copyOf(file.subjects().get("test").keySet()));
        List<AlignedClip> expected = Standardizer.perSubject(test, IdColumns.NONE);
        for (int i = 0; i < test.size(); i++) {
            AlignedClip c = test.get(i);
            Standardizer s = RunArtifacts.standardizer(file.subjects().get("test").get(c.subject()), IdColumns.NONE, dir.resolve(RunArtifacts.STANDARDIZER));
            assertSameFeatures(expected.get(i), s.apply(c));
        }
    }

    @Test
    void openRefusesFoldersThatLackWhatPredictNeeds(@TempDir Path dir) throws Exception {
        Exception none = assertThrows(IllegalArgumentException.class, () -> RunPredictor.open(dir.resolve("nope")));
        assertTrue(none.getMessage().contains("does not exist") && none.getMessage().contains("finished run folder"), none.getMessage());

        Path unfinished = Files.createDirectories(dir.resolve(".running-all-f0-abc"));
        Files.writeString(unfinished.resolve("config.resolved.yaml"), "x");
        Exception running = assertThrows(IllegalArgumentException.class, () -> RunPredictor.open(unfinished));
        assertTrue(running.getMessage().contains("not a finished run (no metrics.json)"), running.getMessage());

        Path run = Files.createDirectories(dir.resolve("all-f0-abc-s1-20260101-000000"));
        for (String f : List.of("config.resolved.yaml", "provenance.json", "metrics.json")) {
            Files.writeString(run.resolve(f), "{}");
        }
        Exception incomplete = assertThrows(IllegalArgumentException.class, () -> RunPredictor.open(run));
        assertTrue(incomplete.getMessage().contains("is incomplete: checkpoint/best.params missing"), incomplete.getMessage());

        Files.createDirectories(run.resolve("checkpoint"));
        Files.writeString(run.resolve("checkpoint/best.params"), "x");
        Exception old = assertThrows(IllegalArgumentException.class, () -> RunPredictor.open(run));
        assertTrue(old.getMessage().contains("has no standardizer.json and no model.json") && old.getMessage().contains("retrain it with this"
                + " version"), old.getMessage());
    }

    @Test
    void findsATranscriptNextToTheVideo(@TempDir Path dir) throws Exception {
        Path video = Files.writeString(dir.resolve("take.mp4"), "v");
        assertNull(RunPredictor.sidecarTranscript(video));
        Files.writeString(dir.resolve("take.csv"), "start;end;word;confidence\n");
        Files.writeString(dir.resolve("take.srt"), "");
        assertEquals(dir.resolve("take.srt"), RunPredictor.sidecarTranscript(video));
        Files.writeString(dir.resolve("take.words.csv"), "start;end;word;confidence\n");
        assertEquals(dir.resolve("take.words.csv"), RunPredictor.sidecarTranscript(video));
    }

    private static void assertSameFeatures(AlignedClip expected, AlignedClip actual) {
        for (Modality m : expected.features().keySet()) {
            assertArrayEquals(expected.features().get(m), actual.features().get(m), 0f, m.key());
        }
    }

    /** {@code n} clips of a subject: video (3 features) and audio (2), 5-9 steps, some masked, values on odd scales. */
    private static List<AlignedClip> clips(String subject, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<AlignedClip> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int steps = 5 + r.nextInt(5);
            float[] v = new float[steps * 3];
            float[] a = new float[steps * 2];
            boolean[] vm = new boolean[steps];
            boolean[] am = new boolean[steps];
            for (int t = 0; t < steps; t++) {
                vm[t] = r.nextDouble() > 0.2;
                am[t] = r.nextDouble() > 0.1;
                for (int d = 0; d < 3; d++) {
                    v[t * 3 + d] = vm[t] ? (float) (r.nextGaussian() * 37.1 + 100 * d) : 0f;
                }
                for (int d = 0; d < 2; d++) {
                    a[t * 2 + d] = am[t] ? (float) (r.nextGaussian() * 0.013 - d) : 0f;
                }
            }
            out.add(new AlignedClip(subject + "_c" + i, subject, 2.5, steps, Map.of(Modality.VIDEO, v, Modality.AUDIO, a),
                    Map.of(Modality.VIDEO, 3, Modality.AUDIO, 2), Map.of(Modality.VIDEO, vm, Modality.AUDIO, am), null));
        }
        return out;
    }
}
