package org.mer4j.vision.pipeline;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes the aligned crops of one clip as {@code <root>/<clip>/<frame index, 6 digits>.<png|jpg>}.
 * Crops go to a hidden temporary sibling folder first; {@link #commit()} moves it into place in one
 * rename (replacing an older export of the clip), so a folder named after a clip is always complete.
 * {@link #abort()} deletes the partial export.
 */
public final class AlignedCropExporter {
    private final Path target;
    private final Path temp;
    private final String extension;
    private int written;

    public AlignedCropExporter(Path root, String clipId, String format) {
        String safe = clipId.replaceAll("[^A-Za-z0-9._-]", "_");
        this.target = root.resolve(safe);
        this.extension = format;
        try {
            Files.createDirectories(root);
            this.temp = Files.createTempDirectory(root, "." + safe + ".tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException("face.exportAlignedTo: cannot create a folder under " + root
                    + "; check that it is writable or turn the export off", e);
        }
    }

    /** Writes the crop of frame {@code index}. */
    public void write(int index, Mat crop) {
        Path file = temp.resolve(String.format("%06d.%s", index, extension));
        if (!imwrite(file.toString(), crop)) {
            throw new UncheckedIOException(new IOException("face.exportAlignedTo: OpenCV could not write " + file));
        }
        written++;
    }

    /** Number of crops written. */
    public int written() {
        return written;
    }

    /** The clip's final folder. */
    public Path target() {
        return target;
    }

    /** Moves the finished export into place. */
    public void commit() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                Files.move(target, old);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("face.exportAlignedTo: cannot move " + temp + " to " + target, e);
        }
    }

    /** Deletes the partial export. */
    public void abort() {
        try {
            deleteTree(temp);
        } catch (IOException e) {
            // best effort: a hidden temporary folder stays behind
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
