/**
 * Tasks as plugins ({@link org.mer4j.train.tasks.TaskProvider}, found by {@link java.util.ServiceLoader} and
 * chosen by {@code tasks: [{type: ...}]} in experiment configs). A task owns its manifest label source, its
 * level (step or clip, and how clip values come from steps), the heads the framework attaches to the
 * fusion model, its loss and its metrics. Built in: {@code ah} ({@link org.mer4j.train.tasks.AhTask}),
 * {@code inconsistency} ({@link org.mer4j.train.tasks.InconsistencyTask}), {@code emotion}
 * ({@link org.mer4j.train.tasks.EmotionTask}), {@code dimensional}, {@code valence} and {@code arousal}
 * ({@link org.mer4j.train.tasks.DimensionalTask}). Several tasks train together through a
 * {@link org.mer4j.train.tasks.TaskSet}.
 *
 * <h2>Adding a task</h2>
 * Write a validated config record and a {@link org.mer4j.train.tasks.Task} (encode labels from
 * {@link org.mer4j.api.AlignedClip#labels()}, declare heads, loss, decode, metrics, CSV columns), a
 * {@link org.mer4j.train.tasks.TaskProvider}, and list the provider in
 * {@code META-INF/services/org.mer4j.train.tasks.TaskProvider} of your jar. No framework code changes.
 */
package org.mer4j.train.tasks;
