package org.mer4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifest paths stay inside the data root and name regular files: a real symbolic link pointing
 * outside, a directory and a named pipe are rejected from their attributes, without being opened
 * (opening the pipe would block forever, hence the timeouts).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DataRootTest {

    /** A named pipe made with mkfifo (java.nio cannot make one). */
    static Path fifo(Path file) throws Exception {
        Process p = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available here");
        return file;
    }

    @Test
    void symlinkOutsideDirectoryAndPipeAreRejectedWithoutOpening(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("data"));
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET first line\n");
        Files.writeString(root.resolve("ok.csv"), "0;100;hi;1\n");
        Files.createSymbolicLink(root.resolve("link.csv"), outside);
        Files.createDirectories(root.resolve("folder"));
        fifo(root.resolve("pipe.csv"));
        DataRoot dr = new DataRoot(root, false);

        DataRoot.Checked ok = dr.file("c", "transcript", "ok.csv");
        assertEquals(root.resolve("ok.csv").toRealPath(), ok.path());
        assertTrue(ok.insideRoot());

        ClipFailedException link = assertThrows(ClipFailedException.class, () -> dr.file("c", "transcript", "link.csv"));
        assertEquals(DataRoot.OUTSIDE_ROOT, link.reason());
        assertTrue(link.getMessage().contains("field 'transcript'") && link.getMessage().contains(outside.toRealPath().toString())
                && link.getMessage().contains("data.allowOutsideRoot: true"), link.getMessage());
        assertFalse(link.getMessage().contains("TOP-SECRET"), link.getMessage());

        ClipFailedException dotdot = assertThrows(ClipFailedException.class, () -> dr.file("c", "video", "../secret.txt"));
        assertEquals(DataRoot.OUTSIDE_ROOT, dotdot.reason());
        ClipFailedException absolute = assertThrows(ClipFailedException.class, () -> dr.file("c", "video", outside.toString()));
        assertEquals(DataRoot.OUTSIDE_ROOT, absolute.reason());

        ClipFailedException dir = assertThrows(ClipFailedException.class, () -> dr.file("c", "video", "folder"));
        assertEquals(DataRoot.NOT_REGULAR, dir.reason());
        assertTrue(dir.getMessage().contains("a directory"), dir.getMessage());

        ClipFailedException pipe = assertThrows(ClipFailedException.class, () -> dr.file("c", "transcript", "pipe.csv"));
        assertEquals(DataRoot.NOT_REGULAR, pipe.reason());
        assertTrue(pipe.getMessage().contains("named pipe (FIFO)") && pipe.getMessage().contains("was not opened"), pipe.getMessage());

        ClipFailedException missing = assertThrows(ClipFailedException.class, () -> dr.file("c", "audio", "nope.wav"));
        assertEquals(DataRoot.MISSING, missing.reason());
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

        ClipFailedException nul = assertThrows(ClipFailedException.class, () -> dr.file("c", "audio", "a\u0000b.wav"));
        assertEquals(DataRoot.BAD_PATH, nul.reason());
        assertTrue(nul.getMessage().contains("\\u0000"), nul.getMessage());
        assertNull(dr.file("c", "audio", null));
    }

    @Test
    void allowOutsideRootLetsLinksOutButStillRejectsSpecialFiles(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("data"));
        Path outside = Files.writeString(tmp.resolve("elsewhere.csv"), "0;100;hi;1\n");
        Files.createSymbolicLink(root.resolve("link.csv"), outside);
        Path pipeOutside = fifo(tmp.resolve("pipe"));
        Files.createSymbolicLink(root.resolve("pipe-link"), pipeOutside);
        DataRoot dr = new DataRoot(root, true);

        DataRoot.Checked out = dr.file("c", "transcript", "link.csv");
        assertEquals(outside.toRealPath(), out.path());
        assertFalse(out.insideRoot(), "outside files are never quoted in messages");
        assertEquals(DataRoot.NOT_REGULAR, assertThrows(ClipFailedException.class, () -> dr.file("c", "transcript", "pipe-link")).reason());
    }

    @Test
    void symlinkedDataRootAndLinksInsideItAreFine(@TempDir Path tmp) throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Files.createDirectories(real.resolve("media"));
        Files.writeString(real.resolve("media/a.wav"), "x");
        Files.createSymbolicLink(real.resolve("alias.wav"), real.resolve("media/a.wav"));
        Path linkedRoot = Files.createSymbolicLink(tmp.resolve("root-link"), real);
        DataRoot dr = new DataRoot(linkedRoot, false);
        assertTrue(dr.file("c", "audio", "media/a.wav").insideRoot());
        assertTrue(dr.file("c", "audio", "alias.wav").insideRoot());
        assertTrue(dr.file("c", "audio", "media/../alias.wav").insideRoot());
    }

    @Test
    void validateListsEveryViolationWithItsReasonAndManifestsCarryTheFlag(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("data"));
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET\n");
        Files.createSymbolicLink(root.resolve("link.csv"), outside);
        Files.createDirectories(root.resolve("folder.mp4"));
        fifo(root.resolve("pipe.csv"));
        Files.writeString(root.resolve("ok.wav"), "x");
        Path file = root.resolve("manifest.json");
        Files.writeString(file, """
                {"format": "mer4j-manifest/2", "clips": [
                  {"id": "a", "subject": "s", "audio": "ok.wav"},
                  {"id": "b", "subject": "s", "audio": "ok.wav", "transcript": "link.csv"},
                  {"id": "c", "subject": "s", "video": "folder.mp4"},
                  {"id": "d", "subject": "s", "audio": "ok.wav", "transcript": "pipe.csv"}]}""");
        Manifest m = ManifestIO.read(file);
        assertFalse(m.allowOutsideRoot());
        List<ManifestIO.FileProblem> problems = ManifestIO.checkFiles(m);
        Map<String, String> byClip = problems.stream().collect(Collectors.toMap(ManifestIO.FileProblem::clipId, ManifestIO.FileProblem::reason));
        assertEquals(Map.of("b", DataRoot.OUTSIDE_ROOT, "c", DataRoot.NOT_REGULAR, "d", DataRoot.NOT_REGULAR), byClip);
        assertTrue(problems.get(0).message().startsWith("clip 'b' (#1): field 'transcript' points to"), problems.get(0).message());
        assertTrue(problems.get(0).message().endsWith("[outside-data-root]"), problems.get(0).message());
        String all = assertThrows(ManifestException.class, () -> ManifestIO.validate(m, file, true)).getMessage();
        assertTrue(all.contains("3 problem(s)") && all.contains("[not-a-regular-file]"), all);

        // the manifest's own flag, and the config's (read(file, true)), let links out; it round-trips
        assertEquals(List.of(DataRoot.NOT_REGULAR, DataRoot.NOT_REGULAR),
                ManifestIO.checkFiles(ManifestIO.read(file, true)).stream().map(ManifestIO.FileProblem::reason).toList());
        Files.writeString(file, Files.readString(file).replace("\"clips\"", "\"allowOutsideRoot\": true, \"clips\""));
        Manifest allowed = ManifestIO.read(file);
        assertTrue(allowed.allowOutsideRoot());
        Path copy = root.resolve("copy.json");
        ManifestIO.write(copy, allowed);
        assertTrue(ManifestIO.read(copy).allowOutsideRoot());
        ManifestIO.write(copy, m);
        assertFalse(Files.readString(copy).contains("allowOutsideRoot"), "written only when true");

        Files.writeString(file, Files.readString(file).replace("\"allowOutsideRoot\": true", "\"allowOutsideRoot\": \"yes\""));
        String bad = assertThrows(ManifestException.class, () -> ManifestIO.read(file)).getMessage();
        assertTrue(bad.contains("allowOutsideRoot"), bad);
    }

    @Test
    void traceFilesGoThroughTheSameChecksAndAPipeDoesNotHang(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("data"));
        fifo(root.resolve("trace.csv"));
        Path outside = Files.writeString(tmp.resolve("t.csv"), "time,valence\n0,1\n");
        Files.createSymbolicLink(root.resolve("out.csv"), outside);
        Path file = root.resolve("manifest.json");
        Files.writeString(file, """
                {"format": "mer4j-manifest/2", "clips": [
                  {"id": "a", "subject": "s", "audio": "x.wav", "labels": {"traces": {"file": "trace.csv"}}},
                  {"id": "b", "subject": "s", "audio": "x.wav", "labels": {"traces": {"file": "out.csv"}}}]}""");
        String msg = assertThrows(ManifestException.class, () -> ManifestIO.read(file)).getMessage();
        assertTrue(msg.contains("clip 'a' (#0): field 'labels.traces.file' points to") && msg.contains("named pipe"), msg);
        assertTrue(msg.contains("clip 'b' (#1)") && msg.contains("[outside-data-root]"), msg);
        String allowed = assertThrows(ManifestException.class, () -> ManifestIO.read(file, true)).getMessage();
        assertTrue(allowed.contains("1 problem(s)") && allowed.contains("named pipe"), allowed); // the pipe is still refused
    }

    @Test
    void aManifestThatIsAPipeIsRefusedNotOpened(@TempDir Path tmp) throws Exception {
        Path pipe = fifo(tmp.resolve("manifest.json"));
        String msg = assertThrows(ManifestException.class, () -> ManifestIO.read(pipe)).getMessage();
        assertTrue(msg.contains("not a regular file"), msg);
    }
}
