package org.mer4j.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;
import org.mer4j.models.fusion.CrossAttentionConfig;
import org.mer4j.models.fusion.EarlyFusionConfig;
import org.mer4j.models.fusion.EarlyFusionProvider;

class FusionRegistryTest {
    @Test
    void serviceLoaderFindsEveryModelThisModuleRegisters() throws Exception {
        // the list is this module's own services file, not a copy; plug-ins on the class path may add more
        List<String> registered = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                "src/main/resources/META-INF/services/" + FusionModelProvider.class.getName())).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<String> loaded = FusionRegistry.load().providers().stream().map(p -> p.getClass().getName()).toList();
        assertTrue(registered.size() >= 3 && loaded.containsAll(registered), "registered " + registered + ", loaded " + loaded);
    }

    @Test
    void duplicateNamesFailAtStartup() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new FusionRegistry(List.of(new EarlyFusionProvider(), new EarlyFusionProvider())));
        assertTrue(e.getMessage().contains("'early-fusion'"), e.getMessage());
    }

    @Test
    void unknownNameListsKnownModels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FusionRegistry.load().get("no-such-model"));
        assertTrue(e.getMessage().contains("'no-such-model'") || e.getMessage().contains("no-such-model"), e.getMessage());
        FusionRegistry.load().names().forEach(name -> assertTrue(e.getMessage().contains(name), e.getMessage()));
    }

    @Test
    void configOfWrongTypeIsRejected() {
        ModelSpec spec = SyntheticTensors.SPEC;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FusionRegistry.load().build("early-fusion", CrossAttentionConfig.defaults(), spec));
        assertTrue(e.getMessage().contains("EarlyFusionConfig"), e.getMessage());
    }

    @Test
    void configValidationNamesTheField() {
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
                () -> new EarlyFusionConfig(30, 4, 1, 0.1f, 4, "gelu"));
        assertTrue(heads.getMessage().startsWith("fusion.heads"), heads.getMessage());
        IllegalArgumentException dropout = assertThrows(IllegalArgumentException.class,
                () -> new EarlyFusionConfig(32, 4, 1, 1.5f, 4, "gelu"));
        assertTrue(dropout.getMessage().startsWith("fusion.dropout"), dropout.getMessage());
        IllegalArgumentException act = assertThrows(IllegalArgumentException.class,
                () -> new CrossAttentionConfig(32, 4, 1, 1, 0.1f, 4, "tanh"));
        assertTrue(act.getMessage().startsWith("fusion.activation"), act.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CrossAttentionConfig(32, 4, 1, 0, 0.1f, 4, "gelu"));
    }

    @Test
    void crossAttentionRejectsUnimodalSpecAndEarlyFusionAcceptsIt() {
        ModelSpec unimodal = new ModelSpec(List.of(Modality.AUDIO), Map.of(Modality.AUDIO, 17), SyntheticTensors.SPEC.heads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FusionRegistry.load().buildDefault("cross-attention", unimodal));
        assertTrue(e.getMessage().contains("early-fusion"), e.getMessage());
        assertTrue(FusionRegistry.load().buildDefault("early-fusion", unimodal) != null);
    }

    @Test
    void modelSpecValidatesDimsAndHeads() {
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec(List.of(Modality.VIDEO, Modality.TEXT), Map.of(Modality.VIDEO, 3), SyntheticTensors.SPEC.heads()));
        assertTrue(dims.getMessage().contains("inputDims.text"), dims.getMessage());
        org.mer4j.models.heads.HeadSpec head = org.mer4j.models.heads.HeadSpec.clip("a", 2);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec(List.of(Modality.VIDEO), Map.of(Modality.VIDEO, 3), List.of(head, head)));
        assertTrue(twice.getMessage().contains("'a'"), twice.getMessage());
    }
}
