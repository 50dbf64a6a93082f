package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs of one experiment are serialised by its lock; unfinished run folders no rerun can resume are removed. */
class ExperimentFolderHygieneTest {

    @Test
    void aSecondRunOfTheSameExperimentStopsWithTheHolderAndTheFix(@TempDir Path dir) throws Exception {
        Path exp = dir.resolve("runs/e");
        try (ExperimentLock first = ExperimentLock.acquire(exp)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ExperimentLock.acquire(exp));
            assertTrue(e.getMessage().contains("in use by another mer4j run (process " + ProcessHandle.current().pid() + ")")
                    && e.getMessage().contains("--set experiment="), e.getMessage());
        }
        try (ExperimentLock again = ExperimentLock.acquire(exp)) {
            assertTrue(Files.isRegularFile(exp.resolve(ExperimentLock.FILE)), "released when the first run ends");
        }
    }

    @Test
    void staleUnfinishedRunFoldersAreRemovedPlannedOnesKept(@TempDir Path dir) throws Exception {
        Path exp = Files.createDirectories(dir.resolve("e"));
        Path planned = Files.createDirectories(exp.resolve(".running-early-f0-aaaaaaaa-s1-"));
        Path stale = Files.createDirectories(exp.resolve(".running-early-f0-bbbbbbbb-s1-").resolve("checkpoint"));
        Files.writeString(stale.resolve("state.json"), "{}");
        Path finished = Files.createDirectories(exp.resolve("early-f0-bbbbbbbb-s1-20260101-000000"));
        assertEquals(1, RunFolder.removeStale(exp, Set.of("early-f0-aaaaaaaa-s1-")));
        assertTrue(Files.isDirectory(planned), "a planned run resumes from its folder");
        assertFalse(Files.exists(stale.getParent()), "an earlier config's unfinished run is removed");
        assertTrue(Files.isDirectory(finished), "finished runs are never touched");
    }

    @Test
    void aRunFolderThatCannotBeWrittenStopsTheExperimentWithThePathAndNoTable(@TempDir Path dir) throws Exception {
        org.mer4j.synth.SynthConfig q = org.mer4j.synth.SynthConfig.quickstart();
        org.mer4j.synth.CorpusGenerator.generate(new org.mer4j.synth.SynthConfig(2, 3, 1, 2.0, 160, 120, 10, 16000, q.videoBitrate(), 2,
                q.design()), dir.resolve("corpus"));
        Path config = dir.resolve("io.yaml");
        Files.writeString(config, """
                experiment: io
                data: {manifest: corpus/manifest.json}
                features: {cacheDir: cache, extractors: [{name: prosody}]}
                protocol: {type: loso}
                tasks: [{type: ah}]
                train: {epochs: 1, batchSize: 2}
                rows: [{name: a, modalities: [audio], fusion: {type: pooled-mlp}}]
                """);
        Path exp = dir.resolve("runs/io");
        new ExperimentRunner(dir, dir.resolve("runs"), line -> { }).run(ConfigLoader.load(config, java.util.List.of()));
        // the same experiment again, with its first run's working folder blocked by a folder where a file must go
        Path first;
        try (var s = Files.list(exp)) {
            first = s.filter(p -> p.getFileName().toString().startsWith("a-f0-")).findFirst().orElseThrow();
        }
        String prefix = first.getFileName().toString().replaceFirst("\\d{8}-\\d{6}$", "");
        try (var walk = Files.walk(first)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.delete(exp.resolve("summary.json"));
        Files.createDirectories(exp.resolve(".running-" + prefix).resolve("config.resolved.yaml").resolve("blocked"));
        RunsFolderException e = assertThrows(RunsFolderException.class,
                () -> new ExperimentRunner(dir, dir.resolve("runs"), line -> { }).run(ConfigLoader.load(config, java.util.List.of())));
        assertTrue(e.getMessage().contains("cannot write the experiment folder " + exp) && e.getMessage().contains("writable folder with free space"),
                e.getMessage());
        assertFalse(Files.exists(exp.resolve("summary.json")), "no table is published from the runs that happened to finish");
    }
}
