package org.mer4j.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Model files are code: a TorchScript (or ONNX) file can run file operations when it is loaded.
 * An extractor that loads a user-named model file first checks it against the sha256 its config
 * pins ({@code modelSha256}) and refuses to load it otherwise.
 */
public final class PinnedFiles {
    private PinnedFiles() {
    }

    /** The lower-case hex sha256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The lower-case hex sha256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Checks that {@code file}'s sha256 is {@code pinned} and returns it.
     *
     * @param field the config field that names the file, e.g. {@code text-torchscript.modelPath}
     * @param pinnedField the config field that pins it, e.g. {@code text-torchscript.modelSha256}
     * @throws IllegalArgumentException when nothing is pinned (the message gives the file's sha256 to
     *     pin after checking where the file comes from) or the file's sha256 differs
     */
    public static String verify(String field, String pinnedField, Path file, String pinned) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(field + ": no file at " + file.toAbsolutePath());
        }
        String actual = sha256(file);
        if (pinned == null || pinned.isBlank()) {
            throw new IllegalArgumentException(field + " " + file + ": a model file is code (TorchScript and ONNX files can run"
                    + " file operations when loaded), so its sha256 must be pinned. If the file comes from a source you trust, add "
                    + pinnedField + ": " + actual);
        }
        if (!actual.equals(pinned.trim().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(field + " " + file + ": sha256 is " + actual + " but " + pinnedField + " pins "
                    + pinned + "; the file changed since it was pinned. Refusing to load it: restore the pinned file, or check the"
                    + " new one and pin its sha256");
        }
        return actual;
    }
}
