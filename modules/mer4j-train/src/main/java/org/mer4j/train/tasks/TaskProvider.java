package org.mer4j.train.tasks;

import java.util.List;

/**
 * Service-provider entry point of a task, discovered by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.mer4j.train.tasks.TaskProvider} and chosen by {@link #type()} in
 * experiment configs: {@code tasks: [{type: ah, weight: 1}, {type: emotion, weight: 0.5}]}. The
 * other keys of the entry are mapped strictly onto {@link #configType()}.
 *
 * @param <C> the immutable, validated configuration record
 */
public interface TaskProvider<C extends Record> {

    /** Unique type name used in configs, e.g. {@code emotion}. */
    String type();

    /** The configuration record type. */
    Class<C> configType();

    /** The configuration used for keys an entry leaves out. */
    C defaultConfig();

    /**
     * The metric keys a task with {@code config} reports (the same as its {@link Task#metricKeys()}),
     * so configs naming metrics ({@code train.selectBy}, {@code report.metrics}) are checked before
     * any data is read.
     */
    List<String> metricKeys(C config);

    /** {@link #metricKeys} from an untyped config. */
    default List<String> metricKeysUnchecked(Record config) {
        return metricKeys(configType().cast(config));
    }

    /** The task for one run. */
    Task create(C config, TaskContext context);

    /** {@link #create} from an untyped config, checking its type first. */
    default Task createUnchecked(Record config, TaskContext context) {
        if (!configType().isInstance(config)) {
            throw new IllegalArgumentException("task '" + type() + "' needs a " + configType().getSimpleName() + " config, got "
                    + (config == null ? "null" : config.getClass().getSimpleName()));
        }
        return create(configType().cast(config), context);
    }
}
