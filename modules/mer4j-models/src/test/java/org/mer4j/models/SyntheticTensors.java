package org.mer4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mer4j.api.Modality;

/**
 * A separable synthetic task on the block inputs: the frame label is 1 where video feature 0 is
 * positive; the audio modality is noise. The last {@code padded} steps of every second clip are masked.
 */
final class SyntheticTensors {
    static final ModelSpec SPEC = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO),
            Map.of(Modality.VIDEO, 6, Modality.AUDIO, 3),
            List.of(org.mer4j.models.heads.HeadSpec.step("ah", 1), org.mer4j.models.heads.HeadSpec.clip("emotion", 3)));

    final NDList inputs;
    final NDArray labels;
    final NDArray labelMask;

    private SyntheticTensors(NDList inputs, NDArray labels, NDArray labelMask) {
        this.inputs = inputs;
        this.labels = labels;
        this.labelMask = labelMask;
    }

    static SyntheticTensors create(NDManager manager, int batch, int steps, int padded, long seed) {
        Random rng = new Random(seed);
        int dv = SPEC.dim(Modality.VIDEO);
        int da = SPEC.dim(Modality.AUDIO);
        float[] video = new float[batch * steps * dv];
        float[] audio = new float[batch * steps * da];
        float[] mask = new float[batch * steps];
        float[] labels = new float[batch * steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                int step = b * steps + t;
                boolean valid = b % 2 == 0 || t < steps - padded;
                mask[step] = valid ? 1f : 0f;
                for (int d = 0; d < dv; d++) {
                    video[step * dv + d] = (float) rng.nextGaussian();
                }
                for (int d = 0; d < da; d++) {
                    audio[step * da + d] = (float) rng.nextGaussian();
                }
                labels[step] = video[step * dv] > 0 ? 1f : 0f;
            }
        }
        NDArray maskArray = manager.create(mask, new Shape(batch, steps));
        NDList inputs = new NDList(manager.create(video, new Shape(batch, steps, dv)), maskArray,
                manager.create(audio, new Shape(batch, steps, da)), maskArray.duplicate());
        return new SyntheticTensors(inputs, manager.create(labels, new Shape(batch, steps)), maskArray.duplicate());
    }

    /** Fraction of valid frames whose logit sign matches the label. */
    double frameAccuracy(NDArray ahLogits) {
        NDArray predicted = ahLogits.gt(0f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        NDArray correct = predicted.eq(labels).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mul(labelMask);
        return correct.sum().getFloat() / labelMask.sum().getFloat();
    }
}
