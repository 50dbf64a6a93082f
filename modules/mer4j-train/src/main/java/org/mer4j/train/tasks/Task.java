package org.mer4j.train.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.models.heads.HeadSpec;

/**
 * A recognition task the framework trains on a fusion model's output: which manifest labels it
 * reads, at which level (step or clip), the heads it needs, its loss, how it turns outputs into
 * predictions (and clip values from steps), and its metrics. Created per run by a
 * {@link TaskProvider} from its validated config; several tasks train at once, their losses summed
 * with {@link #weight()}.
 *
 * <p>Metric keys must be unique across the tasks of a run (they are prefixed with the task's name or
 * dimension names) and are what {@code train.selectBy} and {@code report.metrics} name.
 */
public interface Task {

    /** Unique name in the run (head-name prefix and usually the metric prefix). */
    String name();

    /** Weight of this task's loss in the sum. */
    double weight();

    /** The heads the framework builds for this task, in the order {@link #loss} and {@link #decode} receive them. */
    List<HeadSpec> heads();

    /** Width of the per-step targets (0 = none). */
    int stepTargetWidth();

    /** Width of the clip targets (0 = none). */
    int clipTargetWidth();

    /**
     * This clip's targets from its labels.
     *
     * @throws IllegalArgumentException naming the clip, the label field, the value and the fix when a
     *     label is invalid for this task (e.g. an undeclared class)
     */
    EncodedLabels encode(AlignedClip clip);

    /** Mean loss over the labelled entries of the batch (a scalar); {@code outputs} are this task's head outputs. */
    NDArray loss(NDList outputs, BatchTargets targets);

    /** Per-clip predictions from this task's head outputs for a batch padded to {@code steps} steps. */
    List<TaskPrediction> decode(NDList outputs, List<AlignedClip> clips, int steps);

    /**
     * The metrics on {@code clips} (with their encoded labels, in the same order) and predictions.
     * A metric that cannot be computed (no labelled clip, no positive) is left out, not NaN.
     */
    Map<String, Double> evaluate(List<AlignedClip> clips, List<EncodedLabels> labels, List<TaskPrediction> predictions);

    /** Every metric key {@link #evaluate} may return, in report order. */
    List<String> metricKeys();

    /** The metric that picks the best epoch when {@code train.selectBy} is not set. */
    String primaryMetric();

    /** Whether a larger value of {@code metric} is better (false for errors such as RMSE). */
    default boolean higherIsBetter(String metric) {
        return true;
    }

    /**
     * Whether this task can turn its predictions into labels for self-training
     * ({@link #pseudoLabel}); the personalisation protocol's {@code self-training} refuses tasks that can't.
     */
    default boolean supportsPseudoLabels() {
        return false;
    }

    /**
     * This task's labels made from its own prediction, for self-training on unlabelled clips (Lee,
     * "Pseudo-Label", ICML 2013 workshop): {@code into} with this task's label fields set from
     * {@code prediction}, or empty when the prediction is less confident than {@code minConfidence}
     * (in (0, 1]; for a class the top probability, for a binary event the mean over steps of
     * {@code max(p, 1 - p)}).
     */
    default java.util.Optional<ClipLabels> pseudoLabel(ClipLabels into, AlignedClip clip, TaskPrediction prediction, double minConfidence) {
        throw new UnsupportedOperationException("task '" + name() + "' cannot make pseudo-labels for self-training");
    }

    /** Columns this task adds to {@code predictions.csv} (one row per step); empty for clip-level tasks. */
    List<String> stepColumns();

    /** Cells of {@link #stepColumns()} at step {@code t}. */
    List<String> stepCells(EncodedLabels labels, TaskPrediction prediction, int t);

    /** Columns this task adds to {@code clip_predictions.csv}. */
    List<String> clipColumns();

    /** Cells of {@link #clipColumns()}. */
    List<String> clipCells(EncodedLabels labels, TaskPrediction prediction);
}
