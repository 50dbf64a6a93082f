package org.mer4j.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Puts ONNX Runtime's native libraries, which ship inside its Maven Central jar, into the mer4j
 * cache ({@code <cache>/onnxruntime/<platform>-<sha12>/}) once, and points ONNX Runtime at them
 * (system property {@code onnxruntime.native.path}) before it loads. Without this, every JVM would
 * unpack 16 MB into a fresh temporary folder and leave the folder behind. A path already set by
 * the user wins; a platform the jar does not cover is left to ONNX Runtime's own loader. Used by
 * every mer4j component that runs ONNX Runtime (the {@code text-minilm} encoder, the face-api nets);
 * the caller has ONNX Runtime on its class path, mer4j-api itself does not depend on it.
 */
public final class OnnxRuntimeNatives {
    /** The system property ONNX Runtime reads its native folder from. */
    public static final String PROPERTY = "onnxruntime.native.path";

    private OnnxRuntimeNatives() {
    }

    /** Sets {@value #PROPERTY} to the cached libraries of this platform; the folder, or null when left to ONNX Runtime. */
    public static synchronized Path prepare() {
        String set = System.getProperty(PROPERTY);
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        String platform = platform();
        String ext = platform.startsWith("osx") ? ".dylib" : platform.startsWith("win") ? ".dll" : ".so";
        String prefix = platform.startsWith("win") ? "" : "lib";
        String[] names = {prefix + "onnxruntime" + ext, prefix + "onnxruntime4j_jni" + ext};
        ClassLoader loader = loader();
        String base = "ai/onnxruntime/native/" + platform + "/";
        if (platform.isEmpty() || loader.getResource(base + names[0]) == null || loader.getResource(base + names[1]) == null) {
            return null;
        }
        try {
            byte[] main;
            try (InputStream in = loader.getResourceAsStream(base + names[0])) {
                main = in.readAllBytes();
            }
            Path dir = Mer4jCache.root().resolve("onnxruntime").resolve(platform + "-" + PinnedFiles.sha256(main).substring(0, 12));
            Files.createDirectories(dir);
            write(dir.resolve(names[0]), main);
            try (InputStream in = loader.getResourceAsStream(base + names[1])) {
                write(dir.resolve(names[1]), in.readAllBytes());
            }
            System.setProperty(PROPERTY, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("ONNX Runtime: cannot put ONNX Runtime's native libraries into the mer4j cache "
                    + Mer4jCache.root() + " (" + e.getMessage() + "); make it writable, point MER4J_CACHE elsewhere, or set -D"
                    + PROPERTY + " to a folder holding " + String.join(" and ", names), e);
        }
    }

    /** The class loader that holds ONNX Runtime (its natives are resources of its jar). */
    private static ClassLoader loader() {
        try {
            return Class.forName("ai.onnxruntime.OrtException", false, OnnxRuntimeNatives.class.getClassLoader()).getClassLoader();
        } catch (ClassNotFoundException e) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : OnnxRuntimeNatives.class.getClassLoader();
        }
    }

    /** Writes the file unless it is already there with this size; through a temporary file, so a reader never sees half of it. */
    private static void write(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length) {
            return;
        }
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** ONNX Runtime's platform folder name: linux-x64, linux-aarch64, osx-x64, osx-aarch64, win-x64; empty for others. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : os.contains("nux") ? "linux" : "";
        String a = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64" : arch.startsWith("aarch64") ? "aarch64" : "";
        return o.isEmpty() || a.isEmpty() ? "" : o + "-" + a;
    }
}
