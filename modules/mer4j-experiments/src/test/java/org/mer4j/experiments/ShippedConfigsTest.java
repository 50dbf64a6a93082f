package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.mer4j.models.FusionRegistry;

/** Every config shipped under configs/ loads and resolves (fusion, task and extractor settings included); the zoo covers every built-in model. */
class ShippedConfigsTest {
    private static final Path CONFIGS = Path.of("../../configs");

    static Stream<Path> configs() throws Exception {
        try (Stream<Path> files = Files.walk(CONFIGS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void loadsAndResolves(Path config) {
        ConfigLoader.Resolved r = ConfigLoader.load(config, List.of());
        assertEquals(r.config().rows().size(), r.plugins().fusions().size() + r.plugins().classifiers().size(), config.toString());
    }

    @Test
    void everyShippedTableSpecReadsAndNamesRowsOfShippedConfigs() throws Exception {
        java.util.Map<String, Set<String>> rowsByExperiment = new java.util.HashMap<>();
        for (Path c : configs().toList()) {
            ConfigLoader.Resolved r = ConfigLoader.load(c, List.of());
            r.config().rows().forEach(row -> rowsByExperiment.computeIfAbsent(r.config().experiment(), e -> new TreeSet<>()).add(row.name()));
        }
        try (Stream<Path> files = Files.walk(Path.of("../../experiments"))) {
            for (Path spec : files.filter(p -> p.getFileName().toString().equals("table.yaml")).toList()) {
                org.mer4j.experiments.tables.TableSpec t = org.mer4j.experiments.tables.TableSpec.read(spec);
                for (var row : t.rows()) {
                    assertTrue(rowsByExperiment.getOrDefault(t.experimentOf(row), Set.of()).contains(row.row()),
                            spec + ": row '" + row.row() + "' is not a row of a shipped config of experiment " + t.experimentOf(row));
                }
            }
        }
    }

    @Test
    void theZooHasAConfigPerBuiltInModelAndAllOfThemInOneTable() {
        Set<String> builtIn = new TreeSet<>();
        FusionRegistry.load().providers().stream().filter(p -> p.getClass().getName().startsWith("org.mer4j.models.")).forEach(p -> builtIn.add(p.name()));
        Set<String> inAll = new TreeSet<>();
        ConfigLoader.load(CONFIGS.resolve("zoo/all.yaml"), List.of()).plugins().fusions().values().forEach(f -> inAll.add(f.provider().name()));
        assertEquals(builtIn, inAll, "configs/zoo/all.yaml has a row per built-in fusion model");
        for (String name : builtIn) {
            Path own = CONFIGS.resolve("zoo/" + name + ".yaml");
            assertTrue(Files.isRegularFile(own), "configs/zoo/" + name + ".yaml is missing");
            assertEquals(name, ConfigLoader.load(own, List.of()).plugins().fusions().get(0).provider().name());
        }
    }
}
