package org.mer4j.train.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mer4j.api.AlignedClip;
import org.mer4j.models.Scalars;
import org.mer4j.models.TaskModel;
import org.mer4j.models.heads.HeadSpec;
import org.mer4j.train.ClipPrediction;

/**
 * The tasks of one run, trained together: their heads in order, their labels encoded once per clip and timeline
 * (every clip is validated when the set is created, so a bad label fails before training), batch
 * targets, the weighted sum of their losses (plus any {@code aux.loss*} regulariser the fusion model
 * returns), predictions and metrics.
 *
 * <p>Batch target layout ({@link #targets}): for each task in order, {@code (step, stepMask)} when it
 * has step targets, then {@code (clip, clipMask)} when it has clip targets; last the real-step mask
 * {@code [B,T]}. Model output layout: each task's heads in order, then auxiliary outputs.
 */
public final class TaskSet {
    private final List<Task> tasks;
    private final List<HeadSpec> heads;
    private final Map<String, EncodedLabels[]> encoded = new HashMap<>();
    private final Map<String, Task> metricOwner = new LinkedHashMap<>();

    /**
     * A task configured in an experiment.
     *
     * @param provider the registered provider
     * @param config its config record
     */
    public record Choice(TaskProvider<?> provider, Record config) {
    }

    /** The tasks for a run; every clip of the context is encoded (and so validated) now. */
    public static TaskSet create(List<Choice> choices, TaskContext context) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("tasks: configure at least one task, e.g. tasks: [{type: emotion}]");
        }
        List<Task> tasks = new ArrayList<>();
        for (Choice c : choices) {
            tasks.add(c.provider().createUnchecked(c.config(), context));
        }
        TaskSet set = new TaskSet(tasks);
        set.encodeAll(context.allClips());
        return set;
    }

    /** A set over already created tasks. */
    public TaskSet(List<Task> tasks) {
        this.tasks = List.copyOf(tasks);
        List<HeadSpec> h = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Task t : this.tasks) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("tasks: two tasks are named '" + t.name() + "'; give one a different 'name'");
            }
            h.addAll(t.heads());
            for (String key : t.metricKeys()) {
                Task previous = metricOwner.putIfAbsent(key, t);
                if (previous != null) {
                    throw new IllegalArgumentException("tasks '" + previous.name() + "' and '" + t.name() + "' both report metric '" + key
                            + "'; give one a different name or dimensions");
                }
            }
        }
        heads = List.copyOf(h);
    }

    /** The tasks in config order. */
    public List<Task> tasks() {
        return tasks;
    }

    /** All heads, task by task. */
    public List<HeadSpec> heads() {
        return heads;
    }

    /** Every metric key the tasks may report, in task order. */
    public List<String> metricKeys() {
        return List.copyOf(metricOwner.keySet());
    }

    /** The first task's primary metric. */
    public String primaryMetric() {
        return tasks.get(0).primaryMetric();
    }

    /** Whether a higher {@code metric} is better. */
    public boolean higherIsBetter(String metric) {
        Task owner = metricOwner.get(metric);
        return owner == null || owner.higherIsBetter(metric);
    }

    /** Encodes (and validates) the labels of {@code clips} for every task, once per clip id. */
    public void encodeAll(List<AlignedClip> clips) {
        for (AlignedClip c : clips) {
            labels(c);
        }
    }

    /** The encoded labels of {@code clip}, one per task. */
    public EncodedLabels[] labels(AlignedClip clip) {
        String key = clip.clipId() + "#" + clip.steps() + "@" + clip.rate();
        EncodedLabels[] l = encoded.get(key);
        if (l == null) {
            l = new EncodedLabels[tasks.size()];
            for (int i = 0; i < tasks.size(); i++) {
                l[i] = tasks.get(i).encode(clip);
            }
            encoded.put(key, l);
        }
        return l;
    }

    /** The batch targets of {@code clips} padded to {@code steps}, in the layout of the class doc. */
    public NDList targets(NDManager manager, List<AlignedClip> clips, int steps) {
        int b = clips.size();
        List<EncodedLabels[]> labels = clips.stream().map(this::labels).toList();
        NDList out = new NDList();
        for (int k = 0; k < tasks.size(); k++) {
            Task task = tasks.get(k);
            int sw = task.stepTargetWidth();
            if (sw > 0) {
                float[] y = new float[b * steps * sw];
                float[] m = new float[b * steps * sw];
                for (int i = 0; i < b; i++) {
                    EncodedLabels l = labels.get(i)[k];
                    System.arraycopy(l.step(), 0, y, i * steps * sw, l.step().length);
                    System.arraycopy(l.stepMask(), 0, m, i * steps * sw, l.stepMask().length);
                }
                out.add(manager.create(y, new Shape(b, steps, sw)));
                out.add(manager.create(m, new Shape(b, steps, sw)));
            }
            int cw = task.clipTargetWidth();
            if (cw > 0) {
                float[] y = new float[b * cw];
                float[] m = new float[b * cw];
                for (int i = 0; i < b; i++) {
                    EncodedLabels l = labels.get(i)[k];
                    System.arraycopy(l.clip(), 0, y, i * cw, cw);
                    System.arraycopy(l.clipMask(), 0, m, i * cw, cw);
                }
                out.add(manager.create(y, new Shape(b, cw)));
                out.add(manager.create(m, new Shape(b, cw)));
            }
        }
        float[] real = new float[b * steps];
        for (int i = 0; i < b; i++) {
            java.util.Arrays.fill(real, i * steps, i * steps + clips.get(i).steps(), 1f);
        }
        out.add(manager.create(real, new Shape(b, steps)));
        return out;
    }

    /** The weighted sum of the task losses plus the model's {@code aux.loss*} outputs (a scalar). */
    public NDArray loss(NDList outputs, NDList targets) {
        NDArray total = null;
        int o = 0;
        int t = 0;
        NDArray real = targets.get(targets.size() - 1);
        for (Task task : tasks) {
            int n = task.heads().size();
            NDList own = new NDList(outputs.subList(o, o + n));
            o += n;
            NDArray step = null;
            NDArray stepMask = null;
            NDArray clip = null;
            NDArray clipMask = null;
            if (task.stepTargetWidth() > 0) {
                step = targets.get(t++);
                stepMask = targets.get(t++);
            }
            if (task.clipTargetWidth() > 0) {
                clip = targets.get(t++);
                clipMask = targets.get(t++);
            }
            NDArray loss = Scalars.mul(task.loss(own, new BatchTargets(step, stepMask, clip, clipMask, real)), task.weight());
            total = total == null ? loss : total.add(loss);
        }
        for (int i = o; i < outputs.size(); i++) {
            NDArray aux = outputs.get(i);
            if (aux.getName() != null && aux.getName().startsWith(TaskModel.AUX_PREFIX + "loss")) {
                total = total.add(aux);
            }
        }
        return total;
    }

    /** Per-clip predictions of every task for a batch padded to {@code steps}. */
    public List<ClipPrediction> decode(NDList outputs, List<AlignedClip> clips, int steps) {
        List<Map<String, TaskPrediction>> perClip = new ArrayList<>();
        clips.forEach(c -> perClip.add(new LinkedHashMap<>()));
        int o = 0;
        for (Task task : tasks) {
            int n = task.heads().size();
            List<TaskPrediction> preds = task.decode(new NDList(outputs.subList(o, o + n)), clips, steps);
            o += n;
            for (int i = 0; i < clips.size(); i++) {
                perClip.get(i).put(task.name(), preds.get(i));
            }
        }
        List<ClipPrediction> out = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            out.add(new ClipPrediction(clips.get(i).clipId(), perClip.get(i)));
        }
        return out;
    }

    /**
     * Every task's metrics on {@code clips} (predictions in the same order); metrics that cannot be
     * computed on these clips are left out.
     */
    public Map<String, Double> evaluate(List<AlignedClip> clips, List<ClipPrediction> predictions) {
        if (clips.size() != predictions.size()) {
            throw new IllegalArgumentException(clips.size() + " clips but " + predictions.size() + " predictions");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < tasks.size(); k++) {
            Task task = tasks.get(k);
            List<EncodedLabels> labels = new ArrayList<>();
            List<TaskPrediction> preds = new ArrayList<>();
            for (int i = 0; i < clips.size(); i++) {
                if (!clips.get(i).clipId().equals(predictions.get(i).clipId())) {
                    throw new IllegalArgumentException("prediction " + i + " is for clip " + predictions.get(i).clipId() + ", expected "
                            + clips.get(i).clipId());
                }
                labels.add(labels(clips.get(i))[k]);
                preds.add(predictions.get(i).task(task.name()));
            }
            task.evaluate(clips, labels, preds).forEach((key, v) -> {
                if (!Double.isNaN(v)) {
                    out.put(key, v);
                }
            });
        }
        return out;
    }
}
