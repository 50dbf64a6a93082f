package org.mer4j.train;

import java.util.Map;
import org.mer4j.train.tasks.TaskPrediction;

/**
 * What a trained model says about one clip: one {@link TaskPrediction} per task, by task name.
 *
 * @param clipId the clip
 * @param tasks per task name, the task's prediction
 */
public record ClipPrediction(String clipId, Map<String, TaskPrediction> tasks) {
    public ClipPrediction {
        if (clipId == null || tasks == null) {
            throw new IllegalArgumentException("clip prediction needs a clip id and task predictions");
        }
        tasks = Map.copyOf(tasks);
    }

    /** The prediction of task {@code name}. */
    public TaskPrediction task(String name) {
        TaskPrediction p = tasks.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no prediction for task '" + name + "'; tasks: " + tasks.keySet());
        }
        return p;
    }
}
