package org.mer4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void configWithUnknownKeyFailsNamingTheKey(@TempDir Path dir) throws Exception {
        Path quickstart = Path.of(System.getProperty("mer4j.home", "../..")).resolve("configs/quickstart.yaml");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(quickstart).replace("  batchSize: 8", "  batchSize: 8\n  learningRat: 0.01"));
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int code;
        try {
            code = Main.execute("run", bad.toString());
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(2, code);
        assertTrue(err.toString().contains("train.learningRat: unknown key"), err.toString());
        assertTrue(err.toString().contains("learningRate"), "lists the known keys: " + err);
    }

    @Test
    void quickstartConfigResolvesAgainstEveryRegisteredPlugin() {
        Path quickstart = Path.of(System.getProperty("mer4j.home", "../..")).resolve("configs/quickstart.yaml");
        var resolved = org.mer4j.experiments.ConfigLoader.load(quickstart, java.util.List.of());
        assertEquals("quickstart", resolved.config().experiment());
        assertEquals(5, resolved.config().rows().size());
        var extractors = org.mer4j.features.ExtractorRegistry.load();
        resolved.config().features().extractors().forEach(e -> assertTrue(extractors.names().contains(e.name()), e.name()));
    }

    @Test
    void validateListsEveryClipFileOutsideTheRootOrNotARegularFile(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("data"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET\n");
        Files.createSymbolicLink(root.resolve("link.csv"), secret);
        Files.createDirectories(root.resolve("folder.mp4"));
        Files.writeString(root.resolve("ok.wav"), "x");
        Path file = root.resolve("manifest.json");
        Files.writeString(file, """
                {"format": "mer4j-manifest/2", "clips": [
                  {"id": "a", "subject": "s", "audio": "ok.wav"},
                  {"id": "b", "subject": "s", "audio": "ok.wav", "transcript": "link.csv"},
                  {"id": "c", "subject": "s", "video": "folder.mp4"}]}""");
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        int code;
        int allowed;
        try {
            code = Main.execute("validate", file.toString());
            allowed = Main.execute("validate", "--allow-outside-root", file.toString());
        } finally {
            System.setOut(oldOut);
        }
        String text = out.toString();
        assertEquals(1, code, text);
        assertTrue(text.contains("2 clip file problem(s) {not-a-regular-file=1, outside-data-root=1}"), text);
        assertTrue(text.contains("clip 'b' (#1): field 'transcript' points to") && text.contains("[outside-data-root]"), text);
        assertTrue(text.contains("clip 'c' (#2): field 'video' points to") && text.contains("a directory"), text);
        assertTrue(!text.contains("TOP-SECRET"), text);
        assertEquals(1, allowed, "the directory is still not a file");
        assertTrue(text.contains("1 clip file problem(s) {not-a-regular-file=1}"), text);
    }

    @Test
    void synthWritesTheBahLayoutThatTheBahAdapterReads(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bah-synth");
        assertEquals(0, Main.execute("synth", "--out", out.toString(), "--subjects", "3", "--clips-per-subject", "1", "--seconds", "2",
                "--layout", "bah"));
        for (String f : new String[] {"train.txt", "val.txt", "test.txt", "class_id.yaml", "video_annotation.yaml", "mer4j-synth/manifest.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        var bah = org.mer4j.experiments.datasets.DatasetAdapters.load().get("bah").load(out, dir.resolve("work"), java.util.Map.of());
        assertEquals(3, bah.clips().size());
        assertEquals(java.util.Set.of("train", "val", "test"), bah.clips().stream().map(c -> c.split()).collect(java.util.stream.Collectors.toSet()));
        assertTrue(bah.clips().stream().allMatch(c -> c.transcript() != null && c.metadata().get("frameRate").equals("15")));

        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int code;
        try {
            code = Main.execute("synth", "--out", dir.resolve("x").toString(), "--layout", "kaldi");
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(2, code);
        assertTrue(err.toString().contains("--layout must be mer4j or bah"), err.toString());
    }

    /** A finished run folder with what report and compare read: config, provenance, metrics, predictions, history. */
    private static Path run(Path experiment, String row, int fold, String learningRate, double f1) throws Exception {
        Path dir = Files.createDirectories(experiment.resolve(row + "-f" + fold + "-0a1b2c3d-s" + (11 + fold) + "-20260101-000000"));
        Files.writeString(dir.resolve("config.resolved.yaml"), "experiment: e\ntrain: {epochs: 2, learningRate: " + learningRate
                + ", selectBy: ah_frame_macro_f1}\n");
        Files.writeString(dir.resolve("provenance.json"), "{\"experiment\": \"e\", \"environment\": {\"git\": {\"commit\": \"c" + fold
                + "\"}}, \"row\": \"" + row + "\", \"fold\": {\"index\": " + fold + "}, \"bestEpoch\": 2}");
        Files.writeString(dir.resolve("metrics.json"), "{\"row\": \"" + row + "\", \"fold\": " + fold + ", \"seed\": 3, \"metrics\": "
                + "{\"ah_frame_macro_f1\": " + f1 + "}, \"subjects\": {\"s1\": {\"ah_frame_macro_f1\": " + f1 + "}}}");
        Files.writeString(dir.resolve("predictions.csv"), "clip_id,subject,step,time_s,ah_true,ah_prob\n"
                + "c1,s1,0,0.000,1,0.90000\nc1,s1,1,0.400,0,0.20000\nc1,s1,2,0.800,1,0.40000\n");
        Files.writeString(dir.resolve("clip_predictions.csv"), "clip_id,subject,ah_video_true,ah_video_prob\nc1,s1,1,0.50000\n");
        Files.writeString(dir.resolve("history.csv"), "epoch,train_loss,val_loss,val_ah_frame_macro_f1,seconds\n"
                + "1,0.9,0.8,0.4,0.1\n2,0.7,0.75,0.5,0.1\n");
        return dir;
    }

    @Test
    void reportWritesOnePageAndCompareShowsTheDifferences(@TempDir Path dir) throws Exception {
        Path exp = dir.resolve("runs/e");
        Path a = run(exp, "audio", 0, "0.001", 0.5);
        Path b = run(exp, "audio", 1, "0.01", 0.75);
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        int report;
        int compare;
        try {
            report = Main.execute("report", exp.toString());
            compare = Main.execute("compare", a.toString(), b.toString());
        } finally {
            System.setOut(oldOut);
        }
        String text = out.toString();
        assertEquals(0, report, text);
        assertTrue(text.contains("report: " + exp.resolve("report.html")), text);
        String html = Files.readString(exp.resolve("report.html"));
        assertTrue(html.contains("Learning curves") && html.contains("Precision-recall curves") && html.contains("\"text\":\"ah frame\""), "report sections");
        assertEquals(0, compare, text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+train\\.learningRate\\s+0\\.001\\s+0\\.01")), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+environment\\.git\\.commit\\s+c0\\s+c1")), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+ah_frame_macro_f1\\s+0\\.5000\\s+0\\.7500\\s+\\+0\\.2500")), text);
    }

    @Test
    void compareOfAFolderWithoutRunsSaysWhatToGive(@TempDir Path dir) throws Exception {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int code;
        try {
            code = Main.execute("compare", dir.toString(), dir.resolve("missing").toString());
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(2, code);
        assertTrue(err.toString().contains("holds no finished run") && err.toString().contains("runs/<experiment>"), err.toString());
    }
}
