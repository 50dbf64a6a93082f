package org.mer4j.vision.faceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the installed weights of the face-api models ({@code @vladmandic/face-api} {@value #VERSION},
 * MIT licence, after face-api.js by Vincent Mühler). The weights are installed once with
 * {@code tools/mer4j models install} into {@code <models>/face-api/}; nothing is downloaded at run
 * time. The models folder is, in order: the system property {@code mer4j.models}, the environment
 * variable {@code MER4J_MODELS}, {@code <mer4j.home>/models} (the launcher sets {@code mer4j.home}),
 * or {@code <repo>/models} for the first ancestor of the working directory that holds
 * {@code tools/mer4j}.
 */
public final class FaceApiModels {
    /** The pinned package version the weights come from. */
    public static final String VERSION = "1.7.15";
    /** Model names, i.e. the stems of {@code <name>-weights_manifest.json} and {@code <name>.bin}. */
    public static final String TINY_FACE_DETECTOR = "tiny_face_detector_model";
    public static final String FACE_LANDMARK_68 = "face_landmark_68_model";
    public static final String FACE_EXPRESSION = "face_expression_model";
    /** What to run when the weights are absent. */
    public static final String INSTALL_HINT = "run tools/mer4j models install";

    private final Path directory;

    private FaceApiModels(Path directory) {
        this.directory = directory;
    }

    /** The weights in {@code faceApiDirectory} (the folder holding the manifests). */
    public static FaceApiModels at(Path faceApiDirectory) {
        return new FaceApiModels(faceApiDirectory.toAbsolutePath().normalize());
    }

    /** The weights in the default location (see the class comment). */
    public static FaceApiModels locate() {
        return at(modelsRoot().resolve("face-api"));
    }

    /** The models root folder: {@code mer4j.models}, {@code MER4J_MODELS}, or {@code <home>/models}. */
    public static Path modelsRoot() {
        String prop = System.getProperty("mer4j.models");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("MER4J_MODELS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String home = System.getProperty("mer4j.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "models");
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("tools").resolve("mer4j"))) {
                return p.resolve("models");
            }
        }
        return dir.resolve("models");
    }

    /** The folder holding the manifests and weight files. */
    public Path directory() {
        return directory;
    }

    /** The manifest of model {@code name}. */
    public Path manifest(String name) {
        return directory.resolve(name + "-weights_manifest.json");
    }

    /** Why model {@code name} cannot be loaded, or empty when its files are present. */
    public Optional<String> problem(String name) {
        Path manifest = manifest(name);
        if (!Files.isRegularFile(manifest)) {
            return Optional.of("face-api weights '" + name + "' not found in " + directory + ": " + INSTALL_HINT);
        }
        return Optional.empty();
    }

    /** Why the three models cannot be loaded, or empty when all are present. */
    public Optional<String> problem() {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(TINY_FACE_DETECTOR, FACE_LANDMARK_68, FACE_EXPRESSION)) {
            if (problem(name).isPresent()) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return installedVersion().filter(v -> !v.equals(VERSION))
                    .map(v -> "face-api weights in " + directory + " are version " + v + ", expected " + VERSION
                            + ": run tools/mer4j models install --force");
        }
        return Optional.of("face-api weights " + missing + " not found in " + directory + ": " + INSTALL_HINT);
    }

    /** The package version recorded by the installer in {@code INSTALLED.json}, when present. */
    public Optional<String> installedVersion() {
        Path record = directory.resolve("INSTALLED.json");
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        try {
            JsonNode v = new ObjectMapper().readTree(record.toFile()).get("version");
            return v == null ? Optional.empty() : Optional.of(v.asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True when all three models are installed. */
    public boolean isInstalled() {
        return problem().isEmpty();
    }

    /** Throws {@link FaceApiModelsMissingException} unless model {@code name} is installed. */
    public Path require(String name) {
        Optional<String> p = problem(name);
        if (p.isPresent()) {
            throw new FaceApiModelsMissingException(p.get());
        }
        return manifest(name);
    }

    @Override
    public String toString() {
        return "FaceApiModels[" + directory + "]";
    }
}
