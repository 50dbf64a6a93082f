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
}
