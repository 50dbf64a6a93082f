package org.mer4j.train.tasks;

import ai.djl.ndarray.NDArray;

/**
 * One task's targets for a padded batch; arrays are null when the task has no target at that level.
 *
 * @param step {@code [B,T,stepWidth]}
 * @param stepMask {@code [B,T,stepWidth]}, 0 at padded or unlabelled entries
 * @param clip {@code [B,clipWidth]}
 * @param clipMask {@code [B,clipWidth]}
 * @param realSteps {@code [B,T]}, 1 at the steps inside each clip, 0 at padding
 */
public record BatchTargets(NDArray step, NDArray stepMask, NDArray clip, NDArray clipMask, NDArray realSteps) {
}
