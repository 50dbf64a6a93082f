package org.mer4j.experiments;

import org.mer4j.api.RecordSettings;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.features.ExtractorRegistry;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.FusionRegistry;
import org.mer4j.train.TrainConfig;
import org.mer4j.train.tasks.TaskProvider;
import org.mer4j.train.tasks.TaskRegistry;
import org.mer4j.train.tasks.TaskSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mer4j.train.classical.LinearSvmConfig;
import org.mer4j.train.classical.LinearSvmRow;

/**
 * The plug-in sections of an experiment config mapped onto their typed records and checked against
 * the registries when the config is loaded, so a typo in {@code train}, an extractor block or a
 * row's {@code fusion} fails before any extraction starts.
 *
 * @param train the training-loop settings
 * @param fusions by row index, the fusion provider and config of each fusion row
 * @param tasks the configured tasks, in order
 * @param metricKeys every metric the tasks report, in task order
 * @param reportMetrics the table columns ({@code report.metrics}, or every task metric)
 * @param classifiers by row index, the settings of each classical row ({@code classifier: {type: linear-svm}})
 */
public record PluginConfigs(TrainConfig train, Map<Integer, FusionChoice> fusions, List<TaskSet.Choice> tasks, List<String> metricKeys,
                            List<String> reportMetrics, ExtractorRegistry extractors, Map<Integer, LinearSvmConfig> classifiers) {

    /**
     * A row's fusion model.
     *
     * @param provider the registered provider
     * @param config its config record
     */
    public record FusionChoice(FusionModelProvider<?> provider, Record config) {
    }

    /** The provider classes of the rows' fusion models, of the tasks and of {@code cfg}'s extractors (for {@link RunReuseKey} and provenance). */
    public List<Class<?>> classesInUse(ExperimentConfig cfg) {
        List<Class<?>> out = new ArrayList<>();
        fusions.values().forEach(f -> out.add(f.provider().getClass()));
        tasks.forEach(t -> out.add(t.provider().getClass()));
        cfg.features().extractors().forEach(e -> out.add(extractors.provider(e.name(), "features.extractors").getClass()));
        return out;
    }

    /** Maps and checks every plug-in section; errors name the config path. */
    public static PluginConfigs resolve(ExperimentConfig cfg) {
        return resolve(cfg, Thread.currentThread().getContextClassLoader());
    }

    /** {@link #resolve(ExperimentConfig)} with the providers visible to {@code loader} (the experiment's plug-in jars). */
    public static PluginConfigs resolve(ExperimentConfig cfg, ClassLoader loader) {
        ExtractorRegistry extractors = ExtractorRegistry.load(loader);
        for (int i = 0; i < cfg.features().extractors().size(); i++) {
            ExperimentConfig.ExtractorRef ref = cfg.features().extractors().get(i);
            extractors.config(ref.name(), ref.config(), "features.extractors[" + i + "].config");
        }
        TrainConfig train = RecordSettings.map(TrainConfig.class, TrainConfig.defaults(), cfg.train(), "train");
        FusionRegistry registry = FusionRegistry.load(loader);
        Map<Integer, FusionChoice> fusions = new TreeMap<>();
        for (int i = 0; i < cfg.rows().size(); i++) {
            if (cfg.rows().get(i).classifier() == null) {
                fusions.put(i, fusion(registry, cfg.rows().get(i), "rows[" + i + "].fusion"));
            }
        }
        TaskRegistry taskRegistry = TaskRegistry.load(loader);
        List<TaskSet.Choice> tasks = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < cfg.tasks().size(); i++) {
            TaskSet.Choice choice = task(taskRegistry, cfg.tasks().get(i), "tasks[" + i + "]");
            tasks.add(choice);
            for (String k : choice.provider().metricKeysUnchecked(choice.config())) {
                if (!keys.add(k)) {
                    throw new IllegalArgumentException("tasks[" + i + "]: metric '" + k + "' is reported by two tasks; give one a different name");
                }
            }
        }
        List<String> metricKeys = List.copyOf(keys);
        if (train.selectBy() != null && !keys.contains(train.selectBy())) {
            throw new IllegalArgumentException("train.selectBy: '" + train.selectBy() + "' is not a metric of the configured tasks; known: "
                    + metricKeys);
        }
        if (cfg.robustness() != null) {
            for (String m : cfg.robustness().metrics()) {
                if (!keys.contains(m)) {
                    throw new IllegalArgumentException("robustness.metrics: unknown metric '" + m + "'; the configured tasks report " + metricKeys);
                }
            }
        }
        for (String m : cfg.report().metrics()) {
            if (!keys.contains(m)) {
                throw new IllegalArgumentException("report.metrics: unknown metric '" + m + "'; the configured tasks report " + metricKeys);
            }
        }
        List<String> report = cfg.report().metrics().isEmpty() ? metricKeys : cfg.report().metrics();
        Map<Integer, LinearSvmConfig> classifiers = new TreeMap<>();
        for (int i = 0; i < cfg.rows().size(); i++) {
            if (cfg.rows().get(i).classifier() != null) {
                classifiers.put(i, classifier(cfg, i, tasks));
            }
        }
        return new PluginConfigs(train, java.util.Collections.unmodifiableMap(fusions), List.copyOf(tasks), metricKeys, report, extractors,
                java.util.Collections.unmodifiableMap(classifiers));
    }

    /** A classical row's settings, checked against the tasks and the robustness section it cannot serve. */
    private static LinearSvmConfig classifier(ExperimentConfig cfg, int row, List<TaskSet.Choice> tasks) {
        String path = "rows[" + row + "].classifier";
        ObjectNode node = cfg.rows().get(row).classifier().deepCopy();
        String type = node.remove("type").asText();
        if (!LinearSvmRow.TYPE.equals(type)) {
            throw new IllegalArgumentException(path + ".type: unknown classifier '" + type + "'; known: [" + LinearSvmRow.TYPE
                    + "] (fusion models go under fusion:, e.g. fusion: {type: early-fusion})");
        }
        LinearSvmRow.checkTasks(tasks.stream().map(t -> t.provider().type()).toList(), path);
        if (cfg.robustness() != null) {
            throw new IllegalArgumentException(path + ": the robustness probe scores DJL fusion models only; remove the robustness"
                    + " section or this row");
        }
        return RecordSettings.map(LinearSvmConfig.class, LinearSvmConfig.defaults(), node, path);
    }

    private static TaskSet.Choice task(TaskRegistry registry, com.fasterxml.jackson.databind.JsonNode entry, String path) {
        ObjectNode node = entry.deepCopy();
        String type = node.remove("type").asText();
        TaskProvider<?> p;
        try {
            p = registry.get(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ".type: " + e.getMessage(), e);
        }
        return new TaskSet.Choice(p, mapTask(p, node, path));
    }

    private static <C extends Record> C mapTask(TaskProvider<C> p, ObjectNode node, String path) {
        return RecordSettings.map(p.configType(), p.defaultConfig(), node, path);
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
        return RecordSettings.map(p.configType(), p.defaultConfig(), node, path);
    }
}
