package org.mer4j.train;

import ai.djl.ndarray.NDList;
import java.util.List;
import org.mer4j.api.AlignedClip;

/**
 * One padded batch on an NDManager.
 *
 * @param clips the clips in batch order
 * @param steps padded length T (longest clip of the batch)
 * @param inputs block inputs {@code (x_1 [B,T,D_1], mask_1 [B,T], ...)} in model-spec order
 * @param labels the targets of every task in the layout of {@link org.mer4j.train.tasks.TaskSet#targets}
 */
public record FusionBatch(List<AlignedClip> clips, int steps, NDList inputs, NDList labels) {
}
