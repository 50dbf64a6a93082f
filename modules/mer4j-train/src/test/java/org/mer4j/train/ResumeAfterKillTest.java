package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Determinism and exact resume, each run in its own JVM ({@link ResumableRunMain}): an
 * uninterrupted run; a run killed with SIGKILL ({@code Process.destroyForcibly}) after its third
 * epoch's checkpoint and then rerun on the same folder. The resumed run must start after a
 * checkpointed epoch and end with exactly the uninterrupted run's metrics, predictions and epoch history, which
 * also shows that two JVMs give identical results for one seed.
 */
class ResumeAfterKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void killedRunResumesAndEndsExactlyAsAnUninterruptedRun(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        assertEquals(0, start(whole, false).waitFor(), "uninterrupted run");

        long t0 = System.nanoTime();
        Process victim = start(killed, true);
        Path state = killed.resolve("checkpoint").resolve(TrainingCheckpoint.STATE);
        while (epochOf(state) < 3) {
            assertTrue(victim.isAlive(), "the run ended before it could be killed");
            assertTrue(System.nanoTime() - t0 < 120e9, "no checkpoint after 120 s");
            Thread.sleep(50);
        }
        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int killedAfter = epochOf(state);
        assertTrue(killedAfter < 14, "killed mid-training");
        assertTrue(Files.notExists(killed.resolve("result.json")));

        assertEquals(0, start(killed, false).waitFor(), "resumed run");
        JsonNode a = JSON.readTree(whole.resolve("result.json").toFile());
        JsonNode b = JSON.readTree(killed.resolve("result.json").toFile());
        assertEquals(0, a.get("resumedAfterEpoch").asInt());
        assertTrue(b.get("resumedAfterEpoch").asInt() >= killedAfter, "resumed from the last checkpoint: " + b);
        assertEquals(a.get("metrics"), b.get("metrics"), "identical test metrics");
        assertEquals(a.get("valenceTrace0"), b.get("valenceTrace0"), "identical predictions");
        assertEquals(a.get("bestEpoch"), b.get("bestEpoch"));
        assertEquals(14, a.get("history").size());
        assertEquals(a.get("history"), b.get("history"), "the epoch history survives the kill");
    }

    private static int epochOf(Path state) {
        try {
            return Files.isRegularFile(state) ? JSON.readTree(state.toFile()).get("epoch").asInt() : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static Process start(Path dir, boolean slow) throws Exception {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        for (String p : new String[] {"ai.djl.offline", "DJL_CACHE_DIR", "org.bytedeco.javacpp.cachedir", "ai.djl.pytorch.num_threads",
                "ai.djl.pytorch.num_interop_threads"}) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ResumableRunMain.class.getName());
        cmd.add(dir.toString());
        if (slow) {
            cmd.add("slow");
        }
        File log = dir.resolve(slow ? "killed-run.log" : "run-" + System.nanoTime() + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }
}
