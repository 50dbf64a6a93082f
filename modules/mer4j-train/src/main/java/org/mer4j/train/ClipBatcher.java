package org.mer4j.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.models.ModelSpec;
import org.mer4j.train.tasks.TaskSet;

/**
 * Turns {@link AlignedClip}s into padded tensors for a fusion block: per modality features
 * {@code [B,T,D]} and masks {@code [B,T]} (padded to the longest clip of the batch; a modality the
 * clip lacks is all zeros and masked), and the targets of every task ({@link TaskSet#targets}).
 */
public final class ClipBatcher {
    private final ModelSpec spec;
    private final TaskSet tasks;

    /** A batcher for the inputs of {@code spec} and the targets of {@code tasks}. */
    public ClipBatcher(ModelSpec spec, TaskSet tasks) {
        this.spec = spec;
        this.tasks = tasks;
    }

    /**
     * Checks that {@code clip} fits the model: matching feature dimensions.
     *
     * @throws IllegalArgumentException naming the clip, the field, what was expected and the fix
     */
    public void check(AlignedClip clip) {
        for (Modality m : spec.modalities()) {
            Integer dim = clip.dims().get(m);
            if (clip.features().containsKey(m) && (dim == null || dim != spec.dim(m))) {
                throw new IllegalArgumentException("clip " + clip.clipId() + ": " + m.key() + " features have dimension " + dim
                        + " but the model expects " + spec.dim(m) + "; rebuild the model spec from the same feature cache");
            }
        }
    }

    /**
     * Checks that the valid steps of {@code clip} hold finite feature values (a NaN would turn the loss into NaN).
     *
     * @throws IllegalArgumentException naming the clip, modality, step and feature
     */
    public void checkFinite(AlignedClip clip) {
        for (Modality m : spec.modalities()) {
            float[] values = clip.features().get(m);
            boolean[] valid = clip.masks().get(m);
            if (values == null || valid == null) {
                continue;
            }
            int dim = spec.dim(m);
            for (int t = 0; t < clip.steps(); t++) {
                if (!valid[t]) {
                    continue;
                }
                for (int d = 0; d < dim; d++) {
                    if (!Float.isFinite(values[t * dim + d])) {
                        throw new IllegalArgumentException("clip " + clip.clipId() + ": " + m.key() + " feature " + d + " at step " + t
                                + " is " + values[t * dim + d] + "; mask the step as missing or fix the extractor");
                    }
                }
            }
        }
    }

    /** The clips split into batches of at most {@code batchSize} in an order shuffled by {@code rng}. */
    public static List<List<AlignedClip>> shuffledBatches(List<AlignedClip> clips, int batchSize, Random rng) {
        List<AlignedClip> order = new ArrayList<>(clips);
        Collections.shuffle(order, rng);
        return inOrderBatches(order, batchSize);
    }

    /** Batches per pool of {@link #bucketedBatches}: sorting within pools keeps batches of similar length and the order random. */
    static final int BUCKET_POOL_BATCHES = 50;

    /**
     * The clips in batches of similar {@code length}, for {@code train.bucketByLength}: shuffled by
     * {@code rng}, cut into pools of {@value #BUCKET_POOL_BATCHES} batches, each pool sorted by
     * length (ties keep the shuffled order) and cut into batches of at most {@code batchSize}, and
     * the batches shuffled by {@code rng}. Every clip is in exactly one batch; the same rng state
     * gives the same batches.
     */
    public static List<List<AlignedClip>> bucketedBatches(List<AlignedClip> clips, int batchSize, Random rng,
                                                          ToIntFunction<AlignedClip> length) {
        List<AlignedClip> order = new ArrayList<>(clips);
        Collections.shuffle(order, rng);
        int pool = batchSize * BUCKET_POOL_BATCHES;
        List<List<AlignedClip>> batches = new ArrayList<>();
        for (int start = 0; start < order.size(); start += pool) {
            List<AlignedClip> sorted = new ArrayList<>(order.subList(start, Math.min(order.size(), start + pool)));
            int[] lengths = sorted.stream().mapToInt(length).toArray();
            List<Integer> index = new ArrayList<>(sorted.size());
            for (int i = 0; i < sorted.size(); i++) {
                index.add(i);
            }
            index.sort(Comparator.comparingInt(i -> lengths[i]));
            batches.addAll(inOrderBatches(index.stream().map(sorted::get).toList(), batchSize));
        }
        Collections.shuffle(batches, rng);
        return batches;
    }

    /** The clips split into consecutive batches of at most {@code batchSize}. */
    public static List<List<AlignedClip>> inOrderBatches(List<AlignedClip> clips, int batchSize) {
        List<List<AlignedClip>> batches = new ArrayList<>();
        for (int start = 0; start < clips.size(); start += batchSize) {
            batches.add(List.copyOf(clips.subList(start, Math.min(clips.size(), start + batchSize))));
        }
        return batches;
    }

    /** Builds the padded tensors of {@code clips} on {@code manager}. */
    public FusionBatch batch(NDManager manager, List<AlignedClip> clips) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("cannot build a batch from no clips");
        }
        int b = clips.size();
        int steps = 1;
        for (AlignedClip clip : clips) {
            check(clip);
            steps = Math.max(steps, clip.steps());
        }
        NDList inputs = new NDList();
        for (Modality m : spec.modalities()) {
            int dim = spec.dim(m);
            float[] x = new float[b * steps * dim];
            float[] mask = new float[b * steps];
            for (int i = 0; i < b; i++) {
                AlignedClip clip = clips.get(i);
                float[] values = clip.features().get(m);
                boolean[] valid = clip.masks().get(m);
                if (values == null || valid == null) {
                    continue;
                }
                System.arraycopy(values, 0, x, i * steps * dim, clip.steps() * dim);
                for (int t = 0; t < clip.steps(); t++) {
                    mask[i * steps + t] = valid[t] ? 1f : 0f;
                }
            }
            inputs.add(manager.create(x, new Shape(b, steps, dim)));
            inputs.add(manager.create(mask, new Shape(b, steps)));
        }
        NDList labels = tasks.targets(manager, clips, steps);
        return new FusionBatch(List.copyOf(clips), steps, inputs, labels);
    }
}
