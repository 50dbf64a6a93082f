package org.mer4j.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.features.ExtractorRegistry;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.FusionRegistry;
import org.mer4j.train.TrainConfig;

/**
 * The plug-in sections of an experiment config mapped onto their typed records and checked against
 * the registries when the config is loaded, so a typo in {@code train}, an extractor block or a
 * row's {@code fusion} fails before any extraction starts.
 *
 * @param train the training-loop settings
 * @param fusions per row, in row order, the fusion provider and its config
 */
public record PluginConfigs(TrainConfig train, List<FusionChoice> fusions) {

    /**
     * A row's fusion model.
     *
     * @param provider the registered provider
     * @param config its config record
     */
    public record FusionChoice(FusionModelProvider<?> provider, Record config) {
    }

    /** Maps and checks every plug-in section; errors name the config path. */
    public static PluginConfigs resolve(ExperimentConfig cfg) {
        ExtractorRegistry extractors = ExtractorRegistry.load();
        for (int i = 0; i < cfg.features().extractors().size(); i++) {
            ExperimentConfig.ExtractorRef ref = cfg.features().extractors().get(i);
            extractors.config(ref.name(), ref.config(), "features.extractors[" + i + "].config");
        }
        TrainConfig train = ExtractorRegistry.mapConfig(TrainConfig.class, TrainConfig.defaults(), cfg.train(), "train");
        FusionRegistry registry = FusionRegistry.load();
        List<FusionChoice> fusions = new ArrayList<>();
        for (int i = 0; i < cfg.rows().size(); i++) {
            fusions.add(fusion(registry, cfg.rows().get(i), "rows[" + i + "].fusion"));
        }
        return new PluginConfigs(train, List.copyOf(fusions));
    }

    private static FusionChoice fusion(FusionRegistry registry, ExperimentConfig.RowConfig row, String path) {
        ObjectNode node = row.fusion().deepCopy();
        String type = node.remove("type").asText();
        FusionModelProvider<?> p;
        try {
            p = registry.get(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ".type: " + e.getMessage(), e);
        }
        return new FusionChoice(p, map(p, node, path));
    }

    private static <C extends Record> C map(FusionModelProvider<C> p, ObjectNode node, String path) {
        return ExtractorRegistry.mapConfig(p.configType(), p.defaultConfig(), node, path);
    }
}
