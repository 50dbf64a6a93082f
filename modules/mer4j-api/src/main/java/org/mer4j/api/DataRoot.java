package org.mer4j.api;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one place where a manifest path (a clip's {@code video}, {@code audio}, {@code transcript},
 * a {@code labels.traces.file}) becomes a file to open. The path is resolved against the data root
 * and then through every symbolic link ({@link Path#toRealPath}); the result must
 * <ul>
 *   <li>lie under the data root's own real path, unless the manifest or the experiment config
 *       allows outside paths ({@code "allowOutsideRoot": true} in the manifest,
 *       {@code data.allowOutsideRoot: true} in the config); otherwise the reason is
 *       {@value #OUTSIDE_ROOT};</li>
 *   <li>be a regular file: directories, named pipes, devices and sockets are rejected from their
 *       file attributes, without being opened (opening a named pipe blocks until a writer comes,
 *       i.e. forever); the reason is {@value #NOT_REGULAR};</li>
 *   <li>exist ({@value #MISSING}) and be a usable path at all ({@value #BAD_PATH}).</li>
 * </ul>
 * A violation is a property of the clip (it is skipped under the reason and reported); an I/O
 * failure while looking (permission denied on a folder, a failing disk) is not, and is thrown as
 * an {@link IOException}.
 */
public final class DataRoot {
    /** The path resolves (after symbolic links) outside the data root. */
    public static final String OUTSIDE_ROOT = "outside-data-root";
    /** The path names a directory, named pipe, device or socket. */
    public static final String NOT_REGULAR = "not-a-regular-file";
    /** The path names nothing. */
    public static final String MISSING = "missing-file";
    /** The path cannot be a path on this system (e.g. it holds a NUL character). */
    public static final String BAD_PATH = "bad-path";

    private final Path root;
    private final boolean allowOutsideRoot;
    private volatile Path realRoot;

    /**
     * @param root the data root clip paths are relative to
     * @param allowOutsideRoot whether paths may resolve outside the root (they must still be regular files)
     */
    public DataRoot(Path root, boolean allowOutsideRoot) {
        this.root = root.toAbsolutePath().normalize();
        this.allowOutsideRoot = allowOutsideRoot;
    }

    /** The data root as given (absolute, normalised). */
    public Path root() {
        return root;
    }

    /** Whether paths may resolve outside the root. */
    public boolean allowOutsideRoot() {
        return allowOutsideRoot;
    }

    /**
     * What is wrong with a manifest path, if anything.
     *
     * @param reason one of {@link #OUTSIDE_ROOT}, {@link #NOT_REGULAR}, {@link #MISSING}, {@link #BAD_PATH}
     * @param message names the field, the path, what it is and what to do (no file contents)
     */
    public record Violation(String reason, String message) {
    }

    /**
     * A manifest path that passed every check.
     *
     * @param path the real path (symbolic links resolved) to open
     * @param given the path as the manifest names it, resolved against the root but not through links
     *     (its file name, not the link target's, decides a transcript's format)
     * @param insideRoot whether it lies under the data root (only then may messages quote its contents)
     */
    public record Checked(Path path, Path given, boolean insideRoot) {
    }

    /**
     * Resolves and checks a manifest path without opening it.
     *
     * @param field the manifest field, for messages (e.g. {@code transcript})
     * @param relative the path as the manifest gives it, relative to the data root
     * @return the checked file, or the violation
     * @throws IOException when the file system cannot be asked (not a problem of the path)
     */
    public Result check(String field, String relative) throws IOException {
        Path given;
        try {
            given = root.resolve(relative);
        } catch (InvalidPathException e) {
            return new Result(null, new Violation(BAD_PATH, "field '" + field + "' is " + Excerpt.quote(relative)
                    + ", which is not a usable path (" + e.getReason() + "); give a path relative to the data root " + root));
        }
        Path real;
        try {
            real = given.toRealPath();
        } catch (NoSuchFileException e) {
            return new Result(null, new Violation(MISSING, "field '" + field + "' points to " + given
                    + ", which does not exist; fix the path or the data root"));
        } catch (FileSystemException e) {
            if (e.getReason() == null || !e.getReason().contains("symbolic link")) {
                throw e; // permission denied, I/O error: a problem of the machine, not of the clip
            }
            return new Result(null, new Violation(BAD_PATH, "field '" + field + "' points to " + given
                    + ", whose symbolic links cannot be resolved (" + e.getReason() + "); fix the links or the path"));
        }
        boolean inside = contains(real);
        if (!inside && !allowOutsideRoot) {
            return new Result(null, new Violation(OUTSIDE_ROOT, "field '" + field + "' points to " + given
                    + (real.equals(given) ? "" : ", which resolves (after symbolic links) to " + real) + ", outside the data root "
                    + realRoot() + "; move or copy the file under the data root, or, if files outside it are intended, set"
                    + " data.allowOutsideRoot: true in the experiment config (or \"allowOutsideRoot\": true in the manifest)"));
        }
        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            return new Result(null, new Violation(NOT_REGULAR, "field '" + field + "' points to " + given
                    + (real.equals(given) ? "" : " (" + real + ")") + ", which is " + kind(real, attrs)
                    + ", not a regular file; it was not opened; point the field at a regular file"));
        }
        return new Result(new Checked(real, given, inside), null);
    }

    /**
     * The outcome of {@link #check}: exactly one of {@code file} and {@code violation} is set.
     *
     * @param file the checked file, or null
     * @param violation what is wrong, or null
     */
    public record Result(Checked file, Violation violation) {
    }

    /**
     * Resolves and checks a clip's manifest path; see the class comment.
     *
     * @param clipId the clip, for the exception
     * @param field the manifest field (e.g. {@code video})
     * @param relative the path as the manifest gives it; null gives null
     * @return the checked file, or null when {@code relative} is null
     * @throws ClipFailedException with the violation's reason and message
     * @throws IOException when the file system cannot be asked
     */
    public Checked file(String clipId, String field, String relative) throws ClipFailedException, IOException {
        if (relative == null) {
            return null;
        }
        Result r = check(field, relative);
        if (r.violation() != null) {
            throw new ClipFailedException(clipId, r.violation().reason(), r.violation().message());
        }
        return r.file();
    }

    /** Whether a real path (symbolic links already resolved) lies under the data root's real path. */
    public boolean contains(Path realPath) throws IOException {
        return realPath.startsWith(realRoot());
    }

    private Path realRoot() throws IOException {
        Path r = realRoot;
        if (r == null) {
            try {
                r = root.toRealPath();
            } catch (NoSuchFileException e) {
                r = root; // nothing can resolve inside a missing root; files then fail as missing
            }
            realRoot = r;
        }
        return r;
    }

    /** What kind of special file this is, in words. */
    private static String kind(Path real, BasicFileAttributes attrs) {
        if (attrs.isDirectory()) {
            return "a directory";
        }
        try {
            int type = ((Integer) Files.getAttribute(real, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
            switch (type) {
                case 0010000:
                    return "a named pipe (FIFO)";
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                case 0140000:
                    return "a socket";
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no unix attribute view: fall back to the generic word
        }
        return "a special file (pipe, device or socket)";
    }
}
