package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code classifier: {type: linear-svm}} row through the ordinary experiment path, next to a
 * fusion row: a tiny EmoDB-format corpus (4 speakers, 3 emotions as voiced tones that differ in
 * pitch and loudness, 1 s each) read by the {@code emodb} adapter, eGeMAPS functionals, leave one
 * speaker out. The SVM row gets a run folder per fold with the same files as the fusion row (minus
 * the checkpoint, plus its LIBLINEAR model), a log with the C grid and its validation scores, and
 * rows in the summary; a second run gives byte-identical predictions and identical metrics. Configs
 * it cannot serve fail with messages that name the row and the fix.
 */
class ClassicalRowEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = """
            experiment: svm
            seed: 7
            data: {adapter: emodb, root: corpus}
            features:
              cacheDir: cache
              threads: 1
              extractors: [{name: egemaps, config: {segmentSeconds: 0}}]
            alignment: {rate: 1, maxGapSeconds: 0}
            protocol: {type: loso, valFraction: 0.34}
            tasks: [{type: emotion}]
            train: {epochs: 3, batchSize: 8, selectBy: emotion_uar}
            rows:
              - {name: SVM, modalities: [audio], classifier: {type: linear-svm, C: [0.001, 0.1, 1], classWeight: balanced}}
              - {name: linear, modalities: [audio], fusion: {type: pooled-mlp, hidden: []}}
            """;

    @Test
    void svmRowTrainsThroughTheExperimentRunnerLikeAFusionRow(@TempDir Path dir) throws Exception {
        writeCorpus(dir.resolve("corpus"));
        Path config = dir.resolve("svm.yaml");
        Files.writeString(config, CONFIG);
        List<String> log = new ArrayList<>();
        new ExperimentRunner(dir, dir.resolve("runs"), log::add).run(ConfigLoader.load(config, List.of()));

        Path exp = dir.resolve("runs/svm");
        JsonNode summary = JSON.readTree(exp.resolve("summary.json").toFile());
        JsonNode svm = summary.get("rows").get(0);
        assertEquals("SVM", svm.get("name").asText());
        assertEquals(4, svm.get("metrics").get("emotion_uar").get("n").asInt(), "one run per held-out speaker");
        assertTrue(svm.get("metrics").get("emotion_uar").get("mean").asDouble() > 0.9, "the tones are easy: " + svm);
        assertTrue(Files.readString(exp.resolve("table.md")).contains("| SVM | audio |"), "a row of the table");
        String fusionHeader = Files.readAllLines(exp.resolve(summary.get("rows").get(1).get("runs").get(0).asText())
                .resolve("clip_predictions.csv")).get(0);
        for (JsonNode run : svm.get("runs")) {
            Path folder = exp.resolve(run.asText());
            for (String f : List.of("config.resolved.yaml", "metrics.json", "clip_predictions.csv", "provenance.json", "log.txt",
                    "linear-svm.model")) {
                assertTrue(Files.isRegularFile(folder.resolve(f)), folder + "/" + f);
            }
            assertFalse(Files.exists(folder.resolve("checkpoint")), "no epoch loop, no checkpoint");
            List<String> csv = Files.readAllLines(folder.resolve("clip_predictions.csv"));
            assertEquals(fusionHeader, csv.get(0));
            assertEquals("clip_id,subject,emotion_true,emotion_pred,emotion_p_anger,emotion_p_neutral,emotion_p_sadness", csv.get(0));
            assertEquals(10, csv.size(), "9 clips of the held-out speaker");
            String runLog = Files.readString(folder.resolve("log.txt"));
            for (String c : List.of("C=0.001 validation emotion_uar=", "C=0.1 validation emotion_uar=", "C=1 validation emotion_uar=",
                    "chosen C=", "refit with C=", "classWeight balanced", "LIBLINEAR: 3 problems, dual iterations ")) {
                assertTrue(runLog.contains(c), c + " in " + runLog);
            }
            JsonNode metrics = JSON.readTree(folder.resolve("metrics.json").toFile());
            assertEquals(9, metrics.get("testClips").asInt());
            assertEquals(3 * (88 + 6 + 1), metrics.get("cost").get("parameters").asInt(), "3 one-vs-rest problems on 94 features + bias");
            assertTrue(metrics.get("subjects").size() == 1, metrics.toString());
        }

        // determinism: the same config in a fresh runs folder (the feature cache is shared) gives the same numbers
        new ExperimentRunner(dir, dir.resolve("runs2"), s -> { }).run(ConfigLoader.load(config, List.of()));
        JsonNode again = JSON.readTree(dir.resolve("runs2/svm/summary.json").toFile()).get("rows").get(0);
        for (int i = 0; i < 4; i++) {
            Path a = exp.resolve(svm.get("runs").get(i).asText());
            Path b = dir.resolve("runs2/svm").resolve(again.get("runs").get(i).asText());
            assertEquals(Files.readString(a.resolve("clip_predictions.csv")), Files.readString(b.resolve("clip_predictions.csv")));
            assertEquals(Files.readString(a.resolve("linear-svm.model")), Files.readString(b.resolve("linear-svm.model")));
            assertEquals(JSON.readTree(a.resolve("metrics.json").toFile()).get("metrics").toString(),
                    JSON.readTree(b.resolve("metrics.json").toFile()).get("metrics").toString());
        }

        // frame-level features in the SVM's modality: refused when the fold starts, naming the clip and the fix
        Path frames = dir.resolve("frames.yaml");
        Files.writeString(frames, CONFIG.replace("experiment: svm", "experiment: frames")
                .replace("extractors: [{name: egemaps, config: {segmentSeconds: 0}}]",
                        "extractors: [{name: egemaps, config: {segmentSeconds: 0}}, {name: prosody}]")
                .replace("alignment: {rate: 1, maxGapSeconds: 0}", "alignment: {rate: 5, maxGapSeconds: 0}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExperimentRunner(dir, dir.resolve("runs"), s -> { }).run(ConfigLoader.load(frames, List.of())));
        assertTrue(e.getMessage().contains("valid steps") && e.getMessage().contains("segmentSeconds: 0"), e.getMessage());
    }

    @Test
    void configsTheSvmCannotServeFailWhenLoaded(@TempDir Path dir) throws Exception {
        assertLoadFails(dir, CONFIG.replace("tasks: [{type: emotion}]", "tasks: [{type: emotion}, {type: valence}]"),
                "rows[0].classifier: linear-svm trains one clip-level categorical task");
        assertLoadFails(dir, CONFIG.replace("type: linear-svm,", "type: rbf-svm,"), "rows[0].classifier.type: unknown classifier 'rbf-svm'");
        assertLoadFails(dir, CONFIG.replace("classWeight: balanced}", "classWeight: balanced, gamma: 1}"), "rows[0].classifier.gamma: unknown key");
        assertLoadFails(dir, CONFIG.replace("C: [0.001, 0.1, 1]", "C: [0.001, 0]"), "classifier.C must list distinct positive");
        assertLoadFails(dir, CONFIG.replace("classifier: {type: linear-svm,", "fusion: {type: early-fusion}, classifier: {type: linear-svm,"),
                "give either fusion");
        assertLoadFails(dir, CONFIG + "robustness: {noise: [0, 1]}\n", "robustness probe scores DJL fusion models only");
        ConfigLoader.Resolved ok = ConfigLoader.load(write(dir, CONFIG), List.of());
        assertEquals(List.of(0.001, 0.1, 1.0), ok.plugins().classifiers().get(0).C());
        assertEquals("balanced", ok.plugins().classifiers().get(0).classWeight());
        assertEquals("train+val", ok.plugins().classifiers().get(0).refit());
        assertEquals("pooled-mlp", ok.plugins().fusions().get(1).provider().name());
    }

    private static void assertLoadFails(Path dir, String yaml, String expected) throws IOException {
        Path f = write(dir, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, List.of()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static Path write(Path dir, String yaml) throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    /** 4 speakers x 3 emotions x 3 sentences: anger high and loud, neutral in between, sadness low and soft. */
    private static void writeCorpus(Path root) throws IOException {
        Path wav = Files.createDirectories(root.resolve("wav"));
        String[] speakers = {"03", "08", "09", "10"};
        double[] speakerPitch = {140, 150, 145, 155};
        String[] letters = {"W", "N", "T"};
        double[] pitchFactor = {1.6, 1.0, 0.75};
        double[] level = {0.5, 0.2, 0.06};
        String[] texts = {"a01", "a02", "a04"};
        SplittableRandom r = new SplittableRandom(5);
        for (int s = 0; s < speakers.length; s++) {
            for (int e = 0; e < letters.length; e++) {
                for (String text : texts) {
                    double f0 = speakerPitch[s] * pitchFactor[e] * (1 + 0.04 * (r.nextDouble() - 0.5));
                    writeWav(wav.resolve(speakers[s] + text + letters[e] + "a.wav"), tone(f0, level[e], 16000, 1.0, r));
                }
            }
        }
    }

    /** A voiced tone: five harmonics with slow vibrato, a syllable-like envelope and a little noise. */
    private static short[] tone(double f0, double level, int rate, double seconds, SplittableRandom r) {
        int n = (int) (rate * seconds);
        short[] out = new short[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            double f = f0 * (1 + 0.03 * Math.sin(2 * Math.PI * 5 * t));
            phase += 2 * Math.PI * f / rate;
            double envelope = 0.6 + 0.4 * Math.sin(Math.PI * 4 * t) * Math.sin(Math.PI * 4 * t);
            double v = 0;
            for (int h = 1; h <= 5; h++) {
                v += Math.sin(h * phase) / h;
            }
            v = level * envelope * v / 2 + 0.002 * (r.nextDouble() - 0.5);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v * Short.MAX_VALUE)));
        }
        return out;
    }

    /** 16-bit PCM mono WAV. */
    private static void writeWav(Path file, short[] samples) throws IOException {
        int rate = 16000;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * samples.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(2 * rate)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(2 * samples.length);
        for (short s : samples) {
            b.putShort(s);
        }
        Files.write(file, b.array());
    }
}
