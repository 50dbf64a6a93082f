package org.mer4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.experiments.ConfigLoader;
import org.mer4j.experiments.ExperimentRunner;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;

/**
 * {@code mer4j predict} against the run that trained the model: a tiny experiment on the synthetic
 * corpus (face, voice and learned word embeddings, three tasks) is trained in-process, then its test
 * clips are given to {@code predict} as videos with their transcripts. Their per-step A/H and
 * inconsistency probabilities and clip-level predictions must be those of the run's
 * {@code predictions.csv} and {@code clip_predictions.csv} (within their 5 printed decimals), with
 * features extracted again into an empty cache (global normalisation) and with a subject's saved
 * statistics (speaker normalisation). Undecodable videos and old or incomplete run folders fail with
 * messages that say what to do.
 */
class PredictCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-5;

    @TempDir
    static Path dir;
    static Manifest manifest;
    static Path globalRun;
    static Path subjectRun;

    @BeforeAll
    static void trainTinyExperiments() throws Exception {
        SynthConfig q = SynthConfig.quickstart();
        manifest = CorpusGenerator.generate(new SynthConfig(11, 6, 2, 3.0, 160, 120, 10, 16000, q.videoBitrate(), 2, q.design()),
                dir.resolve("corpus"));
        Path config = dir.resolve("predict.yaml");
        Files.writeString(config, """
                experiment: predict-global
                seed: 5
                data: {manifest: corpus/manifest.json}
                features:
                  cacheDir: cache
                  videoFps: 5
                  extractors: [{name: face-hog}, {name: prosody}, {name: word-tokens}, {name: word-ids, config: {hopSeconds: 0.4}}]
                alignment: {rate: 2.5}
                vocabulary: {minCount: 1, embeddingDim: 8}
                normalization: {scope: global}
                protocol: {folds: 2, valFraction: 0.25}
                tasks: [{type: ah}, {type: inconsistency}, {type: emotion, weight: 0.5}]
                train: {epochs: 3, batchSize: 4}
                rows:
                  - {name: all, modalities: [video, audio, text], fusion: {type: early-fusion, dModel: 16}}
                """);
        new ExperimentRunner(dir, dir.resolve("runs"), l -> { }).run(ConfigLoader.load(config, List.of()));
        new ExperimentRunner(dir, dir.resolve("runs"), l -> { })
                .run(ConfigLoader.load(config, List.of("experiment=predict-subject", "normalization.scope=subject")));
        globalRun = firstRun("predict-global");
        subjectRun = firstRun("predict-subject");
    }

    @Test
    void testClipsGiveTheRunsOwnProbabilitiesWithFeaturesExtractedAgain() throws Exception {
        Map<String, String[]> clips = clipRows(globalRun);
        Path out = dir.resolve("out-global");
        Run r = predict(globalRun, clips.keySet(), out, dir.resolve("fresh-cache"), null);
        assertEquals(0, r.code, r.text());
        assertTrue(Files.list(dir.resolve("fresh-cache")).findAny().isPresent(), "features extracted again into the new cache");
        for (String id : clips.keySet()) {
            assertSamePredictions(globalRun, id, out);
            JsonNode doc = JSON.readTree(out.resolve(id + ".json").toFile());
            assertTrue(doc.get("normalization").asText().contains("training statistics"), doc.get("normalization").asText());
            List<String> csv = Files.readAllLines(out.resolve(id + ".csv"));
            assertEquals("step,time_s,ah_prob,inconsistency_prob", csv.get(0));
            assertEquals(doc.get("steps").asInt() + 1, csv.size());
        }
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(clips.size() + 1, summary.size(), summary.toString());
        assertTrue(summary.get(0).startsWith("video,clip_id,steps,ah_video_prob,inconsistency_clip_prob,emotion_pred,emotion_p_"), summary.get(0));
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(clips.size(), s.get("videos").size());
        assertEquals(0, s.get("failed").size());
        assertEquals("all", s.get("row").asText());
    }

    @Test
    void speakerNormalisedRunMatchesWithTheSubjectsSavedStatisticsAndSaysWhenItCannot() throws Exception {
        Map<String, String[]> clips = clipRows(subjectRun);
        Map<String, List<String>> bySubject = new LinkedHashMap<>();
        clips.forEach((id, row) -> bySubject.computeIfAbsent(row[1], k -> new ArrayList<>()).add(id));
        for (Map.Entry<String, List<String>> subject : bySubject.entrySet()) {
            Path out = dir.resolve("out-subject-" + subject.getKey());
            Run r = predict(subjectRun, subject.getValue(), out, dir.resolve("cache"), subject.getKey());
            assertEquals(0, r.code, r.text());
            for (String id : subject.getValue()) {
                assertSamePredictions(subjectRun, id, out);
                assertTrue(JSON.readTree(out.resolve(id + ".json").toFile()).get("normalization").asText()
                        .contains("statistics of subject " + subject.getKey()));
            }
        }
        // an unknown speaker: each video with its own statistics, said in the output; not the run's numbers
        String id = clips.keySet().iterator().next();
        Path out = dir.resolve("out-subject-unknown");
        Run r = predict(subjectRun, List.of(id), out, dir.resolve("cache"), null);
        assertEquals(0, r.code, r.text());
        assertTrue(r.out.contains("its own statistics"), r.text());
        JsonNode doc = JSON.readTree(out.resolve(id + ".json").toFile());
        assertTrue(doc.get("normalization").asText().contains("its own statistics"), doc.toString());
        double largest = 0;
        List<String[]> steps = stepRows(subjectRun, id);
        for (int t = 0; t < steps.size(); t++) {
            largest = Math.max(largest, Math.abs(doc.get("frames").get(t).get("ah_prob").asDouble() - Double.parseDouble(steps.get(t)[5])));
        }
        assertTrue(largest > 1e-4, "own statistics differ from the subject's: " + largest);

        Run unknown = predict(subjectRun, List.of(id), out, dir.resolve("cache"), "nobody");
        assertEquals(2, unknown.code);
        assertTrue(unknown.err.contains("--subject nobody: not a subject of this run; its subjects are ["), unknown.text());
    }

    @Test
    void undecodableVideoIsReportedWhileTheOthersArePredicted() throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.mp4"), "this is not an mp4 file");
        String good = clipRows(globalRun).keySet().iterator().next();
        Clip clip = manifest.clip(good);
        Path out = dir.resolve("out-broken");
        Run r = run("predict", "--run", globalRun.toString(), bad.toString(), manifest.resolve(clip.video()).toString(),
                "--transcript", manifest.resolve(clip.transcript()).toString(), "--transcript", manifest.resolve(clip.transcript()).toString(),
                "--out", out.toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(3, r.code, r.text());
        assertTrue(r.out.contains("could not predict " + bad + " [unreadable-media]"), r.text());
        JsonNode failed = JSON.readTree(out.resolve("summary.json").toFile()).get("failed");
        assertEquals(1, failed.size());
        assertEquals(bad.toString(), failed.get(0).get("video").asText());
        assertEquals("unreadable-media", failed.get(0).get("reason").asText());
        assertSamePredictions(globalRun, good, out);
        assertFalse(Files.exists(out.resolve("broken.json")));

        Run missing = run("predict", "--run", globalRun.toString(), dir.resolve("no-such.mp4").toString(), "--out", out.toString());
        assertEquals(2, missing.code);
        assertTrue(missing.err.contains("no-such.mp4 does not exist"), missing.text());
    }

    @Test
    void oldOrIncompleteRunFoldersAreRefusedWithTheFix() throws Exception {
        Clip clip = manifest.clips().get(0);
        String video = manifest.resolve(clip.video()).toString();
        Path old = copy(globalRun, dir.resolve("runs-copy/old"));
        Files.delete(old.resolve("standardizer.json"));
        Files.delete(old.resolve("model.json"));
        Run r = run("predict", "--run", old.toString(), video, "--out", dir.resolve("out-old").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("has no standardizer.json and no model.json") && r.err.contains("retrain it with this version"), r.text());

        Path incomplete = copy(globalRun, dir.resolve("runs-copy/incomplete"));
        Files.delete(incomplete.resolve("checkpoint/best.params"));
        r = run("predict", "--run", incomplete.toString(), video, "--out", dir.resolve("out-incomplete").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("is incomplete: checkpoint/best.params missing"), r.text());

        Path noVocabulary = copy(globalRun, dir.resolve("runs-copy/no-vocabulary"));
        Files.delete(noVocabulary.resolve("vocabulary.json"));
        r = run("predict", "--run", noVocabulary.toString(), video, "--out", dir.resolve("out-no-vocabulary").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("its model embeds words but vocabulary.json is missing"), r.text());
    }

    /** predict.csv / clip_predictions.csv of {@code run} for clip {@code id} against predict's {@code <id>.json}. */
    private static void assertSamePredictions(Path run, String id, Path out) throws Exception {
        JsonNode doc = JSON.readTree(out.resolve(id + ".json").toFile());
        List<String[]> steps = stepRows(run, id);
        assertEquals(steps.size(), doc.get("steps").asInt(), id + " steps");
        JsonNode frames = doc.get("frames");
        // predictions.csv: clip_id,subject,step,time_s,ah_true,ah_prob,inconsistency_true,inconsistency_prob
        for (int t = 0; t < steps.size(); t++) {
            String[] row = steps.get(t);
            JsonNode f = frames.get(t);
            assertEquals(Double.parseDouble(row[3]), f.get("time_s").asDouble(), 1e-9, id + " step " + t);
            assertEquals(Double.parseDouble(row[5]), f.get("ah_prob").asDouble(), TOLERANCE, id + " ah step " + t);
            assertEquals(Double.parseDouble(row[7]), f.get("inconsistency_prob").asDouble(), TOLERANCE, id + " inconsistency step " + t);
        }
        List<String> lines = Files.readAllLines(run.resolve("clip_predictions.csv"));
        String[] header = lines.get(0).split(",");
        String[] row = clipRows(run).get(id);
        JsonNode clip = doc.get("clip");
        int compared = 0;
        for (int i = 2; i < header.length; i++) {
            if (header[i].endsWith("_true")) {
                continue;
            }
            if (header[i].equals("emotion_pred")) {
                assertEquals(row[i], clip.get("emotion_pred").asText(), id);
            } else {
                assertEquals(Double.parseDouble(row[i]), clip.get(header[i]).asDouble(), TOLERANCE, id + " " + header[i]);
            }
            compared++;
        }
        assertEquals(clip.size(), compared, "every clip-level column of the run: " + clip);
    }

    private static List<String[]> stepRows(Path run, String id) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("predictions.csv"))) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals(id)) {
                out.add(cells);
            }
        }
        return out;
    }

    /** clip_predictions.csv rows by clip id. */
    private static Map<String, String[]> clipRows(Path run) throws Exception {
        Map<String, String[]> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(run.resolve("clip_predictions.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            out.put(cells[0], cells);
        }
        return out;
    }

    private static Run predict(Path run, java.util.Collection<String> ids, Path out, Path cache, String subject) {
        List<String> args = new ArrayList<>(List.of("predict", "--run", run.toString(), "--out", out.toString(), "--cache", cache.toString()));
        for (String id : ids) {
            Clip c = manifest.clip(id);
            args.add(manifest.resolve(c.video()).toString());
            args.add("--transcript");
            args.add(manifest.resolve(c.transcript()).toString());
        }
        if (subject != null) {
            args.add("--subject");
            args.add(subject);
        }
        return run(args.toArray(String[]::new));
    }

    private record Run(int code, String out, String err) {
        String text() {
            return "exit " + code + "\n" + out + "\n" + err;
        }
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            return new Run(Main.execute(args), out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Path firstRun(String experiment) throws Exception {
        Path exp = dir.resolve("runs").resolve(experiment);
        JsonNode summary = JSON.readTree(exp.resolve("summary.json").toFile());
        return exp.resolve(summary.get("rows").get(0).get("runs").get(0).asText());
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
