package org.mer4j.models.heads;

/**
 * One output head the framework attaches to a fusion model for a task: its name (unique within a
 * model), whether it predicts every step or the whole clip, and its width. A fusion model never
 * learns which task a head serves; it only sees these specs (see {@link TaskHeads}).
 *
 * @param name unique head name, e.g. {@code ah} or {@code emotion}
 * @param level {@link Level#STEP}: {@code [B,T,units]} from the per-step representation;
 *     {@link Level#CLIP}: {@code [B,units]} from the pooled representation
 * @param units output width (logits or values)
 * @param pooling how a clip head pools the per-step representation when it needs to
 */
public record HeadSpec(String name, Level level, int units, Pooling pooling) {
    /** Where a head reads. */
    public enum Level { STEP, CLIP }

    /**
     * How a clip head obtains its clip vector: {@link #MEAN} takes the fusion model's pooled
     * representation (or the masked mean of its steps when it gives none); {@link #ATTENTION}
     * learns a score per step and takes the softmax-weighted sum of the valid steps (attention
     * pooling as in the video-level baselines of BAH, Belharbi et al. 2025).
     */
    public enum Pooling { MEAN, ATTENTION }

    public HeadSpec {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("head name must be letters, digits or '_', starting with a letter, got '" + name + "'");
        }
        if (level == null) {
            throw new IllegalArgumentException("head " + name + ": level is missing (STEP or CLIP)");
        }
        if (units < 1) {
            throw new IllegalArgumentException("head " + name + ": units must be >= 1, got " + units);
        }
        pooling = pooling == null ? Pooling.MEAN : pooling;
    }

    /** A per-step head. */
    public static HeadSpec step(String name, int units) {
        return new HeadSpec(name, Level.STEP, units, Pooling.MEAN);
    }

    /** A clip head on the mean-pooled representation. */
    public static HeadSpec clip(String name, int units) {
        return new HeadSpec(name, Level.CLIP, units, Pooling.MEAN);
    }

    /** A clip head on an attention-pooled representation of the steps. */
    public static HeadSpec attentionPooled(String name, int units) {
        return new HeadSpec(name, Level.CLIP, units, Pooling.ATTENTION);
    }
}
