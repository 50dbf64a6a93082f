package org.mer4j.train.tasks;

/**
 * What a trained model says about one clip for one task, after the task's output function
 * (probabilities for classification, values for regression).
 *
 * @param step row-major per-step values {@code [T*units]} (empty for a clip-level task)
 * @param clip clip-level values {@code [units]} (for step-level tasks: the clip value the task derives from the steps)
 */
public record TaskPrediction(float[] step, float[] clip) {
    public TaskPrediction {
        step = step == null ? new float[0] : step;
        clip = clip == null ? new float[0] : clip;
    }
}
