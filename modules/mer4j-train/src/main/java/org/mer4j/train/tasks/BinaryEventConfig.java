package org.mer4j.train.tasks;

import java.util.List;

/**
 * Configuration of the frame-level binary tasks {@code ah} and {@code inconsistency}
 * ({@code tasks: [{type: ah, weight: 1, video: mean-prob}]}).
 *
 * @param name task name (default: the type); prefixes the metric keys
 * @param weight loss weight (default 1)
 * @param video how the clip (video-level) probability comes from the steps: {@code mean-prob}
 *     (default, BAH's choice), {@code mean-logit}, {@code majority} (fraction of steps at or above 0.5),
 *     or {@code attention} (a learned attention pooling of the step representation, trained on the
 *     clip label)
 * @param clipLossWeight weight of a clip-level BCE on the video logit (the mean logit, or the
 *     attention head); default 0, except 1 for {@code attention}; needed when a corpus has only clip labels
 * @param positiveWeight weight of the positive class in the step BCE; 0 (default) = negatives /
 *     positives of the training steps
 */
public record BinaryEventConfig(String name, double weight, String video, double clipLossWeight, double positiveWeight) {
    /** The clip aggregations. */
    public static final List<String> VIDEO_MODES = List.of("mean-prob", "mean-logit", "majority", "attention");

    public BinaryEventConfig {
        weight = weight == 0 ? 1 : weight;
        video = video == null ? "mean-prob" : video;
        if (!VIDEO_MODES.contains(video)) {
            throw new IllegalArgumentException("tasks[].video must be one of " + VIDEO_MODES + ", got '" + video + "'");
        }
        clipLossWeight = clipLossWeight == 0 && video.equals("attention") ? 1 : clipLossWeight;
        if (!(weight > 0) || !(clipLossWeight >= 0) || !(positiveWeight >= 0)) {
            throw new IllegalArgumentException("tasks[].weight must be > 0 and tasks[].clipLossWeight, tasks[].positiveWeight >= 0, got "
                    + weight + ", " + clipLossWeight + ", " + positiveWeight);
        }
    }

    /** Defaults for a task of type {@code type}. */
    public static BinaryEventConfig defaults(String type) {
        return new BinaryEventConfig(type, 1, null, 0, 0);
    }
}
