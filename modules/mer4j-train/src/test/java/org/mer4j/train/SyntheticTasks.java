package org.mer4j.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionRegistry;
import org.mer4j.models.ModelSpec;
import org.mer4j.train.tasks.TaskContext;
import org.mer4j.train.tasks.TaskProvider;
import org.mer4j.train.tasks.TaskRegistry;
import org.mer4j.train.tasks.TaskSet;

/** Task sets with default configs for tests on {@link SyntheticAlignedClips}. */
public final class SyntheticTasks {
    private SyntheticTasks() {
    }

    /** The tasks of {@code types} (default configs) for {@code clips}, trained on {@code train}. */
    public static TaskSet of(List<AlignedClip> clips, List<AlignedClip> train, String... types) {
        TaskRegistry registry = TaskRegistry.load();
        List<TaskSet.Choice> choices = new ArrayList<>();
        for (String type : types) {
            TaskProvider<?> p = registry.get(type);
            choices.add(new TaskSet.Choice(p, p.defaultConfig()));
        }
        return TaskSet.create(choices, new TaskContext(Map.of(), clips, train));
    }

    /** A/H and emotion, the quickstart's original pair. */
    public static TaskSet ahAndEmotion(List<AlignedClip> clips) {
        return of(clips, clips, "ah", "emotion");
    }

    /** The model spec of {@code config}'s modalities with the heads of {@code tasks}. */
    public static ModelSpec spec(SyntheticClipsConfig config, TaskSet tasks) {
        return new ModelSpec(List.copyOf(config.dims().keySet()), config.dims(), tasks.heads());
    }

    /** The spec of {@code modalities} with the heads of {@code tasks}. */
    public static ModelSpec spec(List<Modality> modalities, Map<Modality, Integer> dims, TaskSet tasks) {
        return new ModelSpec(modalities, dims, tasks.heads());
    }

    /** {@code name} built with its default config. */
    public static FusionBlock fusion(String name, ModelSpec spec) {
        return FusionRegistry.load().buildDefault(name, spec);
    }
}
