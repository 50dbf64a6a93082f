package org.mer4j.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The runs folder itself failed (full disk, read-only or vanished folder, a file where a folder
 * should be). This is not a bad clip and not a failed run: the experiment stops with the path and
 * the fix, and publishes no table from the runs that happened to finish (they are kept and reused
 * when the experiment is run again).
 */
public final class RunsFolderException extends UncheckedIOException {
    public RunsFolderException(Path experimentDir, IOException cause) {
        super("cannot write the experiment folder " + experimentDir + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                + "). Check that it is a writable folder with free space (df -h " + experimentDir.getParent() + "); the experiment"
                + " stopped without a table; finished runs are kept and reused when you run it again", cause);
    }
}
