package org.mer4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFileAttributeView;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void replacesTheTargetAndLeavesItReadableLikeAnOrdinaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("table.md");
        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
        Assumptions.assumeTrue(Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class));
        var perms = Files.getPosixFilePermissions(target);
        assertTrue(perms.contains(PosixFilePermission.OTHERS_READ) && perms.contains(PosixFilePermission.GROUP_READ), perms.toString());
    }
}
