package org.mer4j.train.tasks;

import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;

/**
 * What a task may look at when it is created for a run.
 *
 * @param declaredClasses class lists the manifest declares per categorical label (may be empty)
 * @param allClips every clip of the experiment (labels validated against the task; classes taken
 *     from here when neither the config nor the manifest declares them)
 * @param trainingClips the run's training clips (class and positive weights come from these only)
 */
public record TaskContext(Map<String, List<String>> declaredClasses, List<AlignedClip> allClips, List<AlignedClip> trainingClips) {
    public TaskContext {
        declaredClasses = declaredClasses == null ? Map.of() : Map.copyOf(declaredClasses);
        allClips = List.copyOf(allClips);
        trainingClips = List.copyOf(trainingClips);
    }
}
