package org.example.mer4j.fusion;

import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;

/**
 * Registers {@link ModalityAverageBlock} as {@code modality-average}: the example third-party fusion
 * model of mer4j's plug-in guide (README, "Write your own fusion model"). Listed in
 * {@code META-INF/services/org.mer4j.models.FusionModelProvider}.
 */
public final class ModalityAverageProvider implements FusionModelProvider<ModalityAverageConfig> {
    @Override
    public String name() {
        return "modality-average";
    }

    @Override
    public Class<ModalityAverageConfig> configType() {
        return ModalityAverageConfig.class;
    }

    @Override
    public ModalityAverageConfig defaultConfig() {
        return ModalityAverageConfig.defaults();
    }

    @Override
    public FusionBlock build(ModalityAverageConfig config, ModelSpec spec) {
        return new ModalityAverageBlock(config, spec);
    }
}
