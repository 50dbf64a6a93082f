package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String BASE = """
            experiment: demo
            seed: 3
            data: {manifest: data/m.json}
            features:
              extractors: [{name: prosody}]
            tasks: [{type: ah}, {type: emotion, weight: 0.5}]
            train: {epochs: 5}
            rows:
              - {name: audio only, modalities: [audio], fusion: {type: early-fusion}}
            """;

    @Test
    void unknownKeyFailsNamingTheKeyAndTheKnownOnes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, BASE.replace("seed: 3", "seed: 3\nprotocl: {folds: 3}"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, List.of()));
        assertTrue(e.getMessage().contains("unknown key 'protocl'"), e.getMessage());
        assertTrue(e.getMessage().contains("protocol"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void unknownNestedKeyNamesItsFullPath(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, BASE.replace("data: {manifest: data/m.json}", "data: {manifest: data/m.json, rot: x}"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, List.of()));
        assertTrue(e.getMessage().contains("'data.rot'"), e.getMessage());
    }

    @Test
    void extendsMergesAndOverridesApplyLast(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, "extends: base.yaml\nexperiment: child\nprotocol: {folds: 4}\n");
        ConfigLoader.Resolved r = ConfigLoader.load(child, List.of("seed=11", "data.root=/corpus", "rows.0.name=voice"));
        assertEquals("child", r.config().experiment());
        assertEquals(11, r.config().seed());
        assertEquals(4, r.config().protocol().folds());
        assertEquals("/corpus", r.config().data().root());
        assertEquals("data/m.json", r.config().data().manifest());
        assertEquals("voice", r.config().rows().get(0).name());
        assertEquals(5, r.config().train().get("epochs").asInt());
        assertTrue(r.yaml().contains("root: /corpus"), r.yaml());
    }

    @Test
    void trainMomentumZeroIsPlainSgdAndAbsentIsTheDefault(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sgd.yaml");
        Files.writeString(f, BASE.replace("train: {epochs: 5}", "train: {epochs: 5, optimizer: sgd, momentum: 0}"));
        assertEquals(0.0, PluginConfigs.resolve(ConfigLoader.load(f, List.of()).config()).train().optimizerSettings().momentum());
        Files.writeString(f, BASE.replace("train: {epochs: 5}", "train: {epochs: 5, optimizer: sgd}"));
        assertEquals(0.9, PluginConfigs.resolve(ConfigLoader.load(f, List.of()).config()).train().optimizerSettings().momentum());
    }

    @Test
    void namesThatBecomePathsAreCheckedWhenTheConfigLoads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("names.yaml");
        Files.writeString(f, BASE.replace("experiment: demo", "experiment: " + "x".repeat(300)));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, List.of()));
        assertTrue(e.getMessage().contains("experiment:") && e.getMessage().contains("(300 chars)"), e.getMessage());
        Files.writeString(f, BASE.replace("experiment: demo", "experiment: ..").replace("{name: audio only", "{name: audio only"));
        assertThrows(ConfigException.class, () -> ConfigLoader.load(f, List.of()), "'..' would name the runs folder's parent");
        Files.writeString(f, BASE.replace("{name: audio only", "{name: \"audio\\u0007only\""));
        ConfigException row = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, List.of()));
        assertTrue(row.getMessage().contains("rows[].name") && row.getMessage().contains("\\u0007"), row.getMessage());
    }

    @Test
    void invalidValueNamesTheField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, BASE + "protocol: {type: random}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, List.of()));
        assertTrue(e.getMessage().contains("protocol.type"), e.getMessage());
    }

    @Test
    void tasksAreCheckedWhenTheConfigLoads(@TempDir Path dir) throws Exception {
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, BASE.replace("{type: ah}", "{type: hesitancy}"));
        ConfigException type = assertThrows(ConfigException.class, () -> ConfigLoader.load(unknown, List.of()));
        assertTrue(type.getMessage().contains("tasks[0].type") && type.getMessage().contains("'hesitancy'")
                && type.getMessage().contains("inconsistency"), type.getMessage());
        Path badKey = dir.resolve("key.yaml");
        Files.writeString(badKey, BASE.replace("{type: ah}", "{type: ah, vidoe: attention}"));
        ConfigException key = assertThrows(ConfigException.class, () -> ConfigLoader.load(badKey, List.of()));
        assertTrue(key.getMessage().contains("tasks[0].vidoe"), key.getMessage());
        Path select = dir.resolve("select.yaml");
        Files.writeString(select, BASE.replace("train: {epochs: 5}", "train: {epochs: 5, selectBy: valence_ccc}"));
        ConfigException selectBy = assertThrows(ConfigException.class, () -> ConfigLoader.load(select, List.of()));
        assertTrue(selectBy.getMessage().contains("train.selectBy") && selectBy.getMessage().contains("emotion_uar"), selectBy.getMessage());
        Path none = dir.resolve("none.yaml");
        Files.writeString(none, BASE.replace("tasks: [{type: ah}, {type: emotion, weight: 0.5}]\n", ""));
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.load(none, List.of()));
        assertTrue(missing.getMessage().contains("tasks"), missing.getMessage());
        ConfigLoader.Resolved ok = ConfigLoader.load(write(dir.resolve("ok.yaml"), BASE), List.of("train.optimizer=adamw"));
        assertEquals(List.of("ah", "emotion"), ok.plugins().tasks().stream().map(c -> c.provider().type()).toList());
        assertEquals("adamw", ok.plugins().train().optimizer());
    }

    @Test
    void inputLimitsAndAllowOutsideRootHaveDocumentedDefaultsAndStrictKeys(@TempDir Path dir) throws Exception {
        ExperimentConfig plain = ConfigLoader.load(write(dir.resolve("plain.yaml"), BASE), List.of()).config();
        assertEquals(org.mer4j.features.InputLimits.defaults(), plain.features().limits());
        assertEquals(false, plain.data().allowOutsideRoot());

        String withLimits = BASE.replace("  extractors: [{name: prosody}]",
                "  extractors: [{name: prosody}]\n  limits: {maxTranscriptBytes: 1000, minDecodedDurationRatio: 0.5}");
        ExperimentConfig set = ConfigLoader.load(write(dir.resolve("set.yaml"), withLimits),
                List.of("data.allowOutsideRoot=true", "features.limits.maxWordsPastEndSeconds=5")).config();
        assertEquals(new org.mer4j.features.InputLimits(1000L, 5.0, 0.5, 0.5), set.features().limits());
        assertTrue(set.data().allowOutsideRoot());

        ConfigException typo = assertThrows(ConfigException.class, () -> ConfigLoader.load(write(dir.resolve("typo.yaml"),
                BASE.replace("  extractors: [{name: prosody}]", "  extractors: [{name: prosody}]\n  limits: {maxTranscriptByte: 10}")), List.of()));
        assertTrue(typo.getMessage().contains("maxTranscriptByte"), typo.getMessage());
        ConfigException range = assertThrows(ConfigException.class, () -> ConfigLoader.load(write(dir.resolve("range.yaml"),
                BASE.replace("  extractors: [{name: prosody}]", "  extractors: [{name: prosody}]\n  limits: {minDecodedDurationRatio: 2}")), List.of()));
        assertTrue(range.getMessage().contains("features.limits.minDecodedDurationRatio"), range.getMessage());
    }

    private static Path write(Path f, String text) throws java.io.IOException {
        Files.writeString(f, text);
        return f;
    }
}
