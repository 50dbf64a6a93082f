package org.mer4j.experiments;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One experiment folder, one run at a time: an OS file lock on {@code runs/<experiment>/.lock},
 * held while the experiment runs and released when it ends (also when the process dies). A second
 * run of the same experiment, in this process or another, stops at once with a clear message
 * instead of training the same runs twice.
 */
final class ExperimentLock implements AutoCloseable {
    /** The lock file's name in the experiment folder. */
    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ExperimentLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the experiment's lock.
     *
     * @throws IllegalStateException naming the folder, the holder's process id and what to do when another run holds it
     */
    static ExperimentLock acquire(Path experimentDir) throws IOException {
        Files.createDirectories(experimentDir);
        Path file = experimentDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new IllegalStateException(experimentDir + " is in use by another mer4j run" + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + "; two runs of one experiment at once would train the same runs twice. Wait for it to finish, or give this"
                    + " run another experiment name (--set experiment=<name>)");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new ExperimentLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
