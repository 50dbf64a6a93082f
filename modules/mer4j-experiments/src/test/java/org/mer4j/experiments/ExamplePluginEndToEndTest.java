package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;

/**
 * The example third-party fusion model ({@code experiments/plugins/example-fusion}) compiled from its
 * sources into a jar, named by {@code plugins:} and {@code fusion: {type: modality-average}} in a YAML
 * config, trained; a second run reuses the finished runs; the plug-in rebuilt with a changed forward
 * pass (GELU → ReLU) makes the next run train its row again, and provenance names the new jar's sha256.
 */
class ExamplePluginEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PLUGIN = Path.of("../../experiments/plugins/example-fusion");

    @Test
    void pluginFromConfigTrainsAndARebuiltPluginRetrainsItsRow(@TempDir Path dir) throws Exception {
        SynthConfig q = SynthConfig.quickstart();
        CorpusGenerator.generate(new SynthConfig(5, 4, 2, 3.0, 160, 120, 10, 16000, q.videoBitrate(), 2, q.design()), dir.resolve("corpus"));
        Path plugins = dir.resolve("plugins");
        buildPlugin(dir.resolve("build-1"), plugins.resolve("example-fusion.jar"), false);
        Path config = dir.resolve("plugin.yaml");
        Files.writeString(config, """
                experiment: example-plugin
                seed: 3
                data: {manifest: corpus/manifest.json}
                plugins: [%s]
                features:
                  cacheDir: cache
                  extractors: [{name: prosody}, {name: word-tokens}]
                protocol: {folds: 2, valFraction: 0.25}
                tasks: [{type: ah}]
                train: {epochs: 2, batchSize: 4}
                rows:
                  - {name: modality average, modalities: [audio, text], fusion: {type: modality-average, dModel: 16}}
                """.formatted(plugins));
        Path runs = dir.resolve("runs");

        List<String> first = run(dir, runs, config);
        assertFalse(first.stream().anyMatch(l -> l.contains("finished earlier")), String.join("\n", first));
        String firstJar = pluginSha(runs);
        List<String> second = run(dir, runs, config);
        assertEquals(2, second.stream().filter(l -> l.contains("finished earlier")).count(), "an unchanged plug-in reuses both folds:\n"
                + String.join("\n", second));

        buildPlugin(dir.resolve("build-2"), plugins.resolve("example-fusion.jar"), true);
        List<String> third = run(dir, runs, config);
        assertFalse(third.stream().anyMatch(l -> l.contains("finished earlier")),
                "a plug-in rebuilt with another forward pass must retrain its row:\n" + String.join("\n", third));
        assertNotEquals(firstJar, pluginSha(runs), "provenance names the rebuilt jar's sha256");
    }

    private static List<String> run(Path dir, Path runs, Path config) throws Exception {
        List<String> log = new ArrayList<>();
        new ExperimentRunner(dir, runs, log::add).run(ConfigLoader.load(config, List.of()));
        return log;
    }

    private static String pluginSha(Path runs) throws IOException {
        JsonNode summary = JSON.readTree(runs.resolve("example-plugin/summary.json").toFile());
        Path run = runs.resolve("example-plugin").resolve(summary.get("rows").get(0).get("runs").get(0).asText());
        JsonNode plugins = JSON.readTree(run.resolve("provenance.json").toFile()).get("plugins");
        assertEquals(1, plugins.size(), plugins.toString());
        assertEquals("org.example.mer4j.fusion.ModalityAverageProvider", plugins.get(0).get("provider").asText());
        assertTrue(plugins.get(0).get("jar").asText().endsWith("example-fusion.jar"), plugins.toString());
        return plugins.get(0).get("sha256").asText();
    }

    /** Compiles the plug-in's sources (optionally with ReLU instead of GELU in its forward pass) and jars them with its services file. */
    private static void buildPlugin(Path work, Path jar, boolean changedForward) throws IOException {
        Path src = PLUGIN.resolve("src/main/java");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "--release", "17"));
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path copy = work.resolve("src").resolve(src.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                String code = Files.readString(f);
                if (changedForward && f.getFileName().toString().equals("ModalityAverageBlock.java")) {
                    assertTrue(code.contains("Activation.gelu(h)"), "the example's forward pass changed; update this test");
                    code = code.replace("Activation.gelu(h)", "Activation.relu(h)");
                }
                Files.writeString(copy, code);
                args.add(copy.toString());
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "the example plug-in compiles");
        Files.createDirectories(jar.getParent());
        Path services = PLUGIN.resolve("src/main/resources");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path root : List.of(classes, services)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(f));
                        out.closeEntry();
                    }
                }
            }
        }
    }
}
