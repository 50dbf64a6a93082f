package org.mer4j.train.tasks;

/**
 * One task's targets for one clip, computed once from the clip's labels: per-step targets
 * {@code [T*stepWidth]} with an element mask, and clip targets {@code [clipWidth]} with an element
 * mask (mask 1 = labelled, 0 = no label there). Arrays are empty for a width of 0.
 *
 * @param step row-major per-step targets
 * @param stepMask 1 where {@code step} holds a label
 * @param clip clip-level targets
 * @param clipMask 1 where {@code clip} holds a label
 */
public record EncodedLabels(float[] step, float[] stepMask, float[] clip, float[] clipMask) {
    private static final float[] NONE = new float[0];

    public EncodedLabels {
        step = step == null ? NONE : step;
        stepMask = stepMask == null ? NONE : stepMask;
        clip = clip == null ? NONE : clip;
        clipMask = clipMask == null ? NONE : clipMask;
        if (step.length != stepMask.length || clip.length != clipMask.length) {
            throw new IllegalArgumentException("targets and masks differ in length");
        }
    }

    /** Whether any clip target is labelled. */
    public boolean hasClipLabels() {
        return any(clipMask);
    }

    private static boolean any(float[] mask) {
        for (float m : mask) {
            if (m != 0) {
                return true;
            }
        }
        return false;
    }
}
