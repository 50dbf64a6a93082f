package org.mer4j.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.FusionRegistry;

/**
 * Runs the {@link FusionContract} over every fusion model on the class path with its defaults, and
 * over the built-in models with a non-default configuration each (the settings below, read as YAML
 * settings are). A plug-in on the class path is checked with its defaults too.
 */
class BuiltInFusionContractTest extends FusionContract {
    /** Non-default settings per built-in model: other widths, depths, windows and options than the defaults. */
    static final Map<String, Map<String, ?>> NON_DEFAULT = Map.ofEntries(
            Map.entry("early-fusion", Map.of("dModel", 16, "heads", 2, "layers", 2, "activation", "relu")),
            Map.entry("cross-attention", Map.of("dModel", 16, "heads", 2, "crossLayers", 2, "window", 1)),
            Map.entry("pooled-mlp", Map.of("hidden", List.of(64, 32), "dropout", 0.0)),
            Map.entry("atei", Map.of("dModel", 16, "heads", 2, "window", 1, "inconsistencyScale", 0.5)),
            Map.entry("mosear", Map.of("dModel", 16, "heads", 2, "reallocation", 0.0, "gateRegularization", 0.5)),
            Map.entry("mult", Map.of("dModel", 16, "heads", 2, "kernel", 3, "selfLayers", 0, "window", 2)),
            Map.entry("lfan", Map.of("dModel", 16, "heads", 2, "leader", "audio", "fusionLayers", 2)),
            Map.entry("can", Map.of("dModel", 16, "heads", 2, "layers", 2, "activation", "relu")),
            Map.entry("jmt", Map.of("dModel", 16, "heads", 2, "jointLayers", 2, "crossLayers", 2)),
            Map.entry("late-fusion", Map.of("dModel", 16, "heads", 2, "layers", 2)),
            Map.entry("tfn", Map.of("dModel", 48, "modalityWidth", 12, "dropout", 0.0)),
            Map.entry("lmf", Map.of("dModel", 16, "rank", 2, "modalityWidth", 8)),
            Map.entry("gmu", Map.of("dModel", 16, "encoderLayers", 1, "heads", 2)));

    @Override
    protected Stream<ContractCase> contractCases() {
        List<ContractCase> cases = new ArrayList<>();
        for (FusionModelProvider<?> p : FusionRegistry.load().providers()) {
            cases.add(ContractCase.defaults(p));
            Map<String, ?> settings = NON_DEFAULT.get(p.name());
            if (settings != null) {
                cases.add(ContractCase.of(p, settings));
            }
        }
        return cases.stream();
    }

    @Test
    void everyBuiltInModelHasANonDefaultCase() {
        for (FusionModelProvider<?> p : FusionRegistry.load().providers()) {
            if (p.getClass().getPackageName().startsWith("org.mer4j.models")) {
                assertTrue(NON_DEFAULT.containsKey(p.name()), "built-in fusion model " + p.name()
                        + " has no non-default contract case; add its settings to NON_DEFAULT");
            }
        }
    }
}
