package org.mer4j.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What a run folder's {@code provenance.json} records so any number can be traced and rerun:
 * config hash, git commit and dirty flag, seeds, Java/OS/CPU, library versions, device, the
 * manifest and split hashes, and the clips that were skipped.
 */
public final class Provenance {
    private Provenance() {
    }

    /** Facts about this machine and build that do not change within a process. */
    public static Map<String, Object> environment(Path projectDir) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("git", git(projectDir));
        env.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("cpu", cpuModel() + " x" + Runtime.getRuntime().availableProcessors());
        Map<String, Object> versions = new LinkedHashMap<>(libraryVersions());
        try {
            versions.put("djl", ai.djl.engine.Engine.getDjlVersion());
            versions.put("pytorch", ai.djl.engine.Engine.getInstance().getVersion());
            env.put("device", ai.djl.engine.Engine.getInstance().defaultDevice().toString());
        } catch (RuntimeException e) {
            env.put("device", "unavailable: " + e.getMessage());
        }
        try {
            versions.put("ffmpeg", org.mer4j.media.FfmpegVersion.describe());
        } catch (RuntimeException | LinkageError e) {
            versions.put("ffmpeg", "unavailable: " + e.getMessage());
        }
        env.put("versions", versions);
        return env;
    }

    /**
     * The settings that decide the floating-point reduction order of training: PyTorch's intra-op
     * and inter-op thread counts and the OpenMP/MKL environment. Recorded in provenance and part of
     * the run-reuse key.
     */
    public static Map<String, Object> threads() {
        Map<String, Object> t = new LinkedHashMap<>();
        try {
            ai.djl.engine.Engine.getInstance();
            t.put("torchIntraOpThreads", ai.djl.pytorch.jni.JniUtils.getNumThreads());
            t.put("torchInterOpThreads", ai.djl.pytorch.jni.JniUtils.getNumInteropThreads());
        } catch (RuntimeException | LinkageError e) {
            t.put("torch", "unavailable: " + e.getMessage());
        }
        for (String var : new String[] {"OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OMP_DYNAMIC", "MKL_NUM_THREADS", "MKL_DYNAMIC", "MKL_CBWR"}) {
            t.put(var, String.valueOf(System.getenv(var)));
        }
        return t;
    }

    /** Versions pinned in the parent pom, filtered into {@code mer4j-versions.properties} at build time. */
    static Map<String, String> libraryVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        try (InputStream in = Provenance.class.getResourceAsStream("/mer4j-versions.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                p.stringPropertyNames().stream().sorted().forEach(k -> v.put(k, p.getProperty(k)));
            }
        } catch (IOException e) {
            v.put("error", e.getMessage());
        }
        return v;
    }

    private static Map<String, Object> git(Path dir) {
        Map<String, Object> g = new LinkedHashMap<>();
        String commit = run(dir, "git", "rev-parse", "HEAD");
        g.put("commit", commit == null ? "unknown" : commit.strip());
        String status = run(dir, "git", "status", "--porcelain", "--untracked-files=no");
        g.put("dirty", status == null ? null : !status.isBlank());
        return g;
    }

    private static String run(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
