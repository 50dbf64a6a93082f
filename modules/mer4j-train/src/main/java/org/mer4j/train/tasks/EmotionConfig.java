package org.mer4j.train.tasks;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Configuration of the categorical {@code emotion} task.
 *
 * @param name task name (default {@code emotion}); prefixes the metric keys
 * @param weight loss weight (default 1)
 * @param classes the class list; default: the manifest's {@code classes.emotion}, else the sorted
 *     labels found in the data. A clip whose label is not declared is an error naming clip and value
 * @param classWeights {@code none} (default), {@code balanced} (inverse frequency in the training
 *     clips, normalised to mean 1), or a map {@code {class: weight}}
 * @param targets {@code soft} (default: a clip's {@code emotionDistribution} when it has one, its
 *     label as one-hot otherwise; SER-subjectivity style) or {@code hard} (the label only; a clip
 *     with only a distribution takes its most voted class)
 */
public record EmotionConfig(String name, double weight, List<String> classes, Object classWeights, String targets) {
    public EmotionConfig {
        name = name == null ? EmotionTask.TYPE : name;
        weight = weight == 0 ? 1 : weight;
        if (!(weight > 0)) {
            throw new IllegalArgumentException("tasks[" + name + "].weight must be > 0, got " + weight);
        }
        classes = classes == null ? null : List.copyOf(classes);
        if (classes != null && (classes.isEmpty() || new HashSet<>(classes).size() != classes.size())) {
            throw new IllegalArgumentException("tasks[" + name + "].classes must list distinct class names, got " + classes);
        }
        classWeights = classWeights == null ? "none" : classWeights;
        if (!(classWeights instanceof Map<?, ?>) && !List.of("none", "balanced").contains(String.valueOf(classWeights))) {
            throw new IllegalArgumentException("tasks[" + name + "].classWeights must be none, balanced or {class: weight}, got " + classWeights);
        }
        targets = targets == null ? "soft" : targets;
        if (!List.of("soft", "hard").contains(targets)) {
            throw new IllegalArgumentException("tasks[" + name + "].targets must be soft or hard, got '" + targets + "'");
        }
    }

    /** The defaults listed above. */
    public static EmotionConfig defaults() {
        return new EmotionConfig(null, 1, null, null, null);
    }
}
