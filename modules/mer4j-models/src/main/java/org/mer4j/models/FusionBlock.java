package org.mer4j.models;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.mer4j.api.AlignedClip;

/**
 * A fusion model: a DJL {@link Block} that maps the aligned modalities
 * {@code (x_1 [B,T,D_1], mask_1 [B,T], ..., x_M, mask_M)} (in {@link ModelSpec#modalities()} order)
 * to a {@link FusedOutput}. It does not know which tasks are trained: the framework
 * ({@link TaskModel}) builds the heads of the configured tasks on its output.
 *
 * <p>{@link #stepWidth()} and {@link #pooledWidth()} tell the framework the widths of the
 * representations (0 when the model does not give that one) before the block is initialised.
 */
public interface FusionBlock extends Block {

    /** Fuses the inputs (validate them with {@link FusionInputs#parse}). */
    FusedOutput fuse(ParameterStore parameterStore, NDList inputs, boolean training);

    /** Width D_s of {@link FusedOutput#steps()}, or 0 when the model gives no per-step representation. */
    int stepWidth();

    /** Width D_p of {@link FusedOutput#pooled()}, or 0 when the model gives no pooled representation. */
    default int pooledWidth() {
        return 0;
    }

    /**
     * The length that this model's cost for {@code clip} grows with, by which
     * {@code train.bucketByLength} groups training clips into batches that pad less. Default: the
     * clip's aligned steps; a model whose input is padded within a step (e.g. word pieces) counts those.
     */
    default int paddedLength(AlignedClip clip) {
        return clip.steps();
    }

    /**
     * Names of the heads of {@link ModelSpec#heads()} this model computes itself and returns in
     * {@link FusedOutput#headOutputs()} (e.g. late fusion with per-modality heads); the framework
     * builds heads only for the others. Empty by default.
     */
    default java.util.Set<String> ownHeads() {
        return java.util.Set.of();
    }
}
