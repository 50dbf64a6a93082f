package org.mer4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare on hand-made run folders: config and provenance differences key by key, metrics side by side. */
class RunComparisonTest {

    /** A run folder named as the runner names them, with what compare reads. */
    static Path run(Path experiment, String row, int fold, String lr, String commit, String djl, double f1, double ap) throws Exception {
        Path dir = Files.createDirectories(experiment.resolve(row + "-f" + fold + "-12345678-s" + (100 + fold) + "-20260101-000000"));
        Files.writeString(dir.resolve("config.resolved.yaml"), """
                experiment: e
                seed: 7
                train: {epochs: 10, learningRate: %s}
                rows:
                  - {name: x, modalities: [audio], fusion: {type: early-fusion}}
                %s""".formatted(lr, lr.equals("0.01") ? "  - {name: extra, modalities: [text], fusion: {type: tfn, rank: 2}}\n" : ""));
        Files.writeString(dir.resolve("provenance.json"), """
                {"experiment": "e", "configSha256": "%s", "dataSha256": "d1",
                 "environment": {"git": {"commit": "%s", "dirty": false}, "versions": {"djl": "%s", "javacv": "1.5.12"}},
                 "threads": {"torchIntraOpThreads": 1}, "plugins": [],
                 "skipped": [{"clipId": "c9", "stage": "decode", "reason": "unreadable", "message": "x"}],
                 "row": "%s", "fold": {"index": %d}, "runSeed": %d, "trainSeconds": %d}
                """.formatted(lr.equals("0.001") ? "aaa" : "bbb", commit, djl, row, fold, 100 + fold, 10 + fold));
        Files.writeString(dir.resolve("metrics.json"), """
                {"row": "%s", "fold": %d, "seed": 7, "metrics": {"ah_frame_macro_f1": %s, "ah_frame_ap": %s}}
                """.formatted(row, fold, f1, ap));
        return dir;
    }

    @Test
    void twoRunsShowWhatDiffers(@TempDir Path dir) throws Exception {
        Path a = run(dir.resolve("a"), "x", 0, "0.001", "c0ffee", "0.32.0", 0.5, 0.3);
        Path b = run(dir.resolve("b"), "x", 0, "0.0003", "beef00", "0.33.0", 0.625, 0.25);
        String out = RunComparison.compare(a, b);
        assertTrue(out.contains("A: " + a + " (run of experiment e, row 'x', fold 0, seed 7)"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+train\\.learningRate\\s+0\\.001\\s+0\\.0003")), out);
        assertTrue(out.contains("1 key(s) differ"), "only the learning rate differs in the config: " + out);

        Path c = run(dir.resolve("c"), "x", 0, "0.01", "c0ffee", "0.32.0", 0.5, 0.3);
        String extra = RunComparison.compare(a, c);
        assertTrue(extra.lines().anyMatch(l -> l.matches("\\s+rows\\[extra]\\s+\\(absent\\)\\s+\\(4 keys\\)")),
                "a row only B has is one line: " + extra);
        assertTrue(extra.contains("2 key(s) differ"), extra);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+environment\\.git\\.commit\\s+c0ffee\\s+beef00")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+environment\\.versions\\.djl\\s+0\\.32\\.0\\s+0\\.33\\.0")), out);
        assertFalse(out.contains("javacv"), "identical keys are not listed");
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+ah_frame_macro_f1\\s+0\\.5000\\s+0\\.6250\\s+\\+0\\.1250")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+ah_frame_ap\\s+0\\.3000\\s+0\\.2500\\s+-0\\.0500")), out);
    }

    @Test
    void twoExperimentsCompareRowMeansAndSharedProvenance(@TempDir Path dir) throws Exception {
        run(dir.resolve("a"), "x", 0, "0.001", "c0ffee", "0.32.0", 0.5, 0.3);
        run(dir.resolve("a"), "x", 1, "0.001", "c0ffee", "0.32.0", 0.7, 0.3);
        run(dir.resolve("b"), "x", 0, "0.001", "c0ffee", "0.32.0", 0.6, 0.3);
        run(dir.resolve("b"), "x", 1, "0.001", "c0ffee", "0.32.0", 0.8, 0.3);
        run(dir.resolve("b"), "y", 0, "0.001", "c0ffee", "0.32.0", 0.1, 0.1);
        String out = RunComparison.compare(dir.resolve("a"), dir.resolve("b"));
        assertTrue(out.contains("(experiment e: 1 row(s), 2 run(s))") && out.contains("(experiment e: 2 row(s), 3 run(s))"), out);
        assertTrue(out.contains("== config (config.resolved.yaml) ==\n  identical ("), out);
        assertTrue(out.contains("== provenance (provenance.json, first run of each; per-run keys left out) ==\n  identical ("),
                "runSeed, fold and timings are per run: " + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+ah_frame_macro_f1\\s+0\\.6000 ± 0\\.1414 \\(n=2\\)\\s+0\\.7000 ± 0\\.1414 \\(n=2\\)\\s+\\+0\\.1000")),
                out);
        assertTrue(out.contains("row y: only in B"), out);
    }
}
