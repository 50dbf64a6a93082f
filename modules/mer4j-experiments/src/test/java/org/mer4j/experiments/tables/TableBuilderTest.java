package org.mer4j.experiments.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table rebuilt from run folders: numbers come from each run's metrics.json, missing pieces are named. */
class TableBuilderTest {
    private static void run(Path exp, String folder, double f1) throws Exception {
        Files.createDirectories(exp.resolve(folder));
        Files.writeString(exp.resolve(folder).resolve("metrics.json"), "{\"metrics\": {\"ah_frame_macro_f1\": " + f1 + "}}");
    }

    @Test
    void readsRunFoldersNotTheSummaryAndNamesWhatIsMissing(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        Path a = runs.resolve("exp-a");
        run(a, "v-f0", 0.5);
        run(a, "v-f1", 0.7);
        // the summary's own numbers are deliberately wrong: the table must not use them
        Files.writeString(a.resolve("summary.json"), """
                {"rows": [{"name": "video only", "metrics": {"ah_frame_macro_f1": {"mean": 0.99}}, "runs": ["v-f0", "v-f1"]},
                          {"name": "gone", "runs": ["g-f0"]}]}""");
        Path spec = Files.createDirectories(dir.resolve("experiments/t"));
        Files.writeString(spec.resolve("table.yaml"), """
                title: T
                experiment: exp-a
                columns: [{metric: ah_frame_macro_f1, label: Frame AVGF1}]
                rows:
                  - {label: V, row: video only}
                  - {label: G, row: gone}
                  - {label: X, row: x, experiment: exp-b}
                  - {label: N, row: not-there}
                """);
        TableBuilder.Result r = TableBuilder.build(spec, runs);
        String md = Files.readString(spec.resolve("table.md"));
        assertTrue(md.contains("| V | 0.6000 ± 0.1414 |"), md);
        assertTrue(md.contains("| G | – |") && md.contains("| X | – |"), md);
        assertEquals(3, r.missing().size(), r.missing().toString());
        assertTrue(r.missing().get(0).contains("g-f0") && r.missing().get(1).contains("exp-b") && r.missing().get(2).contains("not-there"),
                r.missing().toString());
        assertEquals(List.of("exp-a/v-f0", "exp-a/v-f1"), r.runFolders());
        assertTrue(Files.readString(spec.resolve("table.csv")).contains("V,ah_frame_macro_f1,0.600000,0.141421,2"));
        assertTrue(Files.readString(spec.resolve("table.tex")).contains("V & 0.6000 $\\pm$ 0.1414 \\\\"));
    }

    @Test
    void marksSignificanceAgainstTheReferenceAndGivesSubjectIntervals(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        Path a = runs.resolve("e");
        StringBuilder base = new StringBuilder();
        StringBuilder better = new StringBuilder();
        // 3 folds x 2 seeds: the second row is better in all 6 matched runs -> p = 2/64 < 0.05
        for (int fold = 0; fold < 3; fold++) {
            for (int seed = 1; seed <= 2; seed++) {
                double f = 0.5 + 0.01 * fold + 0.001 * seed;
                for (String[] row : new String[][] {{"b", String.valueOf(f)}, {"g", String.valueOf(f + 0.1)}}) {
                    String folder = row[0] + "-f" + fold + "-s" + seed;
                    Files.createDirectories(a.resolve(folder));
                    Files.writeString(a.resolve(folder).resolve("metrics.json"), "{\"fold\": " + fold + ", \"seed\": " + seed
                            + ", \"metrics\": {\"m\": " + row[1] + "}, \"subjects\": {\"s" + fold + "a\": {\"m\": " + row[1]
                            + "}, \"s" + fold + "b\": {\"m\": " + (Double.parseDouble(row[1]) + 0.02) + "}}}");
                    (row[0].equals("b") ? base : better).append(base.length() > 0 && row[0].equals("b") || better.length() > 0
                            && row[0].equals("g") ? ", " : "").append('"').append(folder).append('"');
                }
            }
        }
        Files.writeString(a.resolve("summary.json"), "{\"rows\": [{\"name\": \"base\", \"runs\": [" + base + "]},"
                + " {\"name\": \"good\", \"runs\": [" + better + "]}]}");
        Path spec = Files.createDirectories(dir.resolve("experiments/s"));
        Files.writeString(spec.resolve("table.yaml"), """
                experiment: e
                reference: B
                columns: [{metric: m}]
                rows: [{label: B, row: base}, {label: G, row: good}]
                """);
        TableBuilder.build(spec, runs);
        String md = Files.readString(spec.resolve("table.md"));
        assertTrue(md.matches("(?s).*\\| G \\| 0\\.6\\d+ ± 0\\.\\d+\\* \\|.*"), "G is marked against B: " + md);
        assertTrue(md.matches("(?s).*\\| B \\| 0\\.5\\d+ ± 0\\.\\d+ \\|.*"), "the reference itself has no mark: " + md);
        assertTrue(md.contains("95% bootstrap intervals") && md.matches("(?s).*\\| G \\| \\[0\\.6\\d+, 0\\.6\\d+\\] \\|.*"), md);
        String csv = Files.readString(spec.resolve("table.csv"));
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("G,m,") && l.endsWith(",0.031250")), csv);
        assertTrue(Files.readString(spec.resolve("table.tex")).contains("$^{*}$"));
    }
}
