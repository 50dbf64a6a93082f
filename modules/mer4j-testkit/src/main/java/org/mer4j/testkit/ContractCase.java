package org.mer4j.testkit;

import java.util.Map;
import java.util.TreeMap;
import org.mer4j.api.RecordSettings;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/**
 * One case of the {@link FusionContract}: a fusion provider with one configuration, named for the
 * test report by the provider and what the configuration changes ({@code tfn [defaults]},
 * {@code lmf {rank=2}}).
 *
 * @param label the case's name in test reports
 * @param provider the fusion model under test
 * @param config a config of {@code provider}'s {@link FusionModelProvider#configType()}
 */
public record ContractCase(String label, FusionModelProvider<?> provider, Record config) {
    public ContractCase {
        if (!provider.configType().isInstance(config)) {
            throw new IllegalArgumentException("contract case " + label + ": config " + config + " is not a "
                    + provider.configType().getSimpleName());
        }
    }

    /** The provider with its default config. */
    public static ContractCase defaults(FusionModelProvider<?> provider) {
        return new ContractCase(provider.name() + " [defaults]", provider, provider.defaultConfig());
    }

    /**
     * The provider with {@code settings} over its defaults, read exactly as an experiment config's
     * {@code fusion:} block is (so the case also checks that the settings bind from YAML).
     */
    public static ContractCase of(FusionModelProvider<?> provider, Map<String, ?> settings) {
        return new ContractCase(provider.name() + " " + new TreeMap<>(settings), provider, mapped(provider, settings));
    }

    private static <C extends Record> C mapped(FusionModelProvider<C> provider, Map<String, ?> settings) {
        return RecordSettings.map(provider.configType(), provider.defaultConfig(), settings, "fusion");
    }

    /** Builds a fresh block of this case for {@code spec}. */
    public FusionBlock build(ModelSpec spec) {
        return provider.buildUnchecked(config, spec);
    }

    @Override
    public String toString() {
        return label;
    }
}
