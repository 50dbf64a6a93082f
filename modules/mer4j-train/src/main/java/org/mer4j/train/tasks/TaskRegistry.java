package org.mer4j.train.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The task types on the class path, by name; duplicates fail at creation, unknown names list the known ones. */
public final class TaskRegistry {
    private final Map<String, TaskProvider<?>> providers;

    /** A registry over explicit providers. */
    public TaskRegistry(List<? extends TaskProvider<?>> list) {
        Map<String, TaskProvider<?>> byType = new TreeMap<>();
        for (TaskProvider<?> p : list) {
            TaskProvider<?> previous = byType.putIfAbsent(p.type(), p);
            if (previous != null) {
                throw new IllegalStateException("two tasks are registered as '" + p.type() + "': " + previous.getClass().getName()
                        + " and " + p.getClass().getName() + "; rename one or remove it from META-INF/services/" + TaskProvider.class.getName());
            }
        }
        providers = Collections.unmodifiableMap(byType);
    }

    /** Every provider listed in {@code META-INF/services/org.mer4j.train.tasks.TaskProvider}. */
    public static TaskRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    /** Every provider listed in {@code META-INF/services/org.mer4j.train.tasks.TaskProvider} visible to {@code loader} (plug-in jars). */
    public static TaskRegistry load(ClassLoader loader) {
        List<TaskProvider<?>> found = new ArrayList<>();
        ServiceLoader.load(TaskProvider.class, loader).forEach(found::add);
        return new TaskRegistry(found);
    }

    /** Registered type names, sorted. */
    public List<String> types() {
        return List.copyOf(providers.keySet());
    }

    /** The provider of {@code type}; fails naming the known types. */
    public TaskProvider<?> get(String type) {
        TaskProvider<?> p = providers.get(type);
        if (p == null) {
            throw new IllegalArgumentException("unknown task type '" + type + "'; known tasks: " + types()
                    + ". Check tasks[].type, or register the provider in META-INF/services/" + TaskProvider.class.getName());
        }
        return p;
    }
}
