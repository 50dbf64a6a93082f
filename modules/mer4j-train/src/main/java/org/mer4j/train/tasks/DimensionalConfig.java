package org.mer4j.train.tasks;

import java.util.HashSet;
import java.util.List;

/**
 * Configuration of continuous-emotion regression ({@code dimensional}, or {@code valence} /
 * {@code arousal} for one dimension).
 *
 * @param name task name (default: the type)
 * @param weight loss weight (default 1)
 * @param dimensions label names, read from the manifest's {@code dimensions} (clip values) and
 *     {@code traces} (time series); default {@code [valence, arousal]} for {@code dimensional},
 *     the type name otherwise
 * @param level {@code clip} (default: one value per clip from the pooled representation, trained on
 *     the clip values) or {@code step} (a value per step, trained on the traces read at step centres;
 *     the clip value is the mean of the clip's step predictions)
 */
public record DimensionalConfig(String name, double weight, List<String> dimensions, String level) {
    public DimensionalConfig {
        weight = weight == 0 ? 1 : weight;
        if (!(weight > 0)) {
            throw new IllegalArgumentException("tasks[" + name + "].weight must be > 0, got " + weight);
        }
        if (dimensions == null || dimensions.isEmpty() || new HashSet<>(dimensions).size() != dimensions.size()) {
            throw new IllegalArgumentException("tasks[" + name + "].dimensions must list distinct label names, e.g. [valence, arousal], got "
                    + dimensions);
        }
        dimensions = List.copyOf(dimensions);
        level = level == null ? "clip" : level;
        if (!List.of("clip", "step").contains(level)) {
            throw new IllegalArgumentException("tasks[" + name + "].level must be clip or step, got '" + level + "'");
        }
    }
}
