package org.mer4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fusion model returns: fused representations, from which the framework's task heads
 * predict, plus optional named auxiliary outputs.
 *
 * @param steps per-step representation {@code [B,T,D_s]}, or null when the model only pools
 * @param stepMask {@code [B,T]}, 1 at steps that hold information (e.g. any modality valid); used
 *     to pool {@code steps}; required with {@code steps}
 * @param pooled clip representation {@code [B,D_p]}, or null (clip heads then pool {@code steps})
 * @param headOutputs outputs the model computed itself for the heads it declares in
 *     {@link FusionBlock#ownHeads()}, by head name (models with per-modality heads, e.g. late fusion
 *     or modality experts, build them with {@link org.mer4j.models.heads.TaskHeads})
 * @param auxiliary named extra outputs (gate weights, attention maps). An entry named
 *     {@code loss...} must be a scalar and is added to the training loss (a regulariser)
 */
public record FusedOutput(NDArray steps, NDArray stepMask, NDArray pooled, Map<String, NDArray> headOutputs,
                          Map<String, NDArray> auxiliary) {
    public FusedOutput {
        if (steps == null && pooled == null && (headOutputs == null || headOutputs.isEmpty())) {
            throw new IllegalArgumentException("a fused output needs a per-step or a pooled representation (or head outputs)");
        }
        if (steps != null && stepMask == null) {
            throw new IllegalArgumentException("a per-step representation needs its step mask [B,T]");
        }
        headOutputs = headOutputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headOutputs));
        auxiliary = auxiliary == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(auxiliary));
    }

    /** Only a per-step representation. */
    public static FusedOutput ofSteps(NDArray steps, NDArray stepMask) {
        return new FusedOutput(steps, stepMask, null, null, null);
    }

    /** The representations as a plain list (steps, stepMask, pooled; absent ones left out), for a block's forward. */
    public NDList toList() {
        NDList list = new NDList();
        if (steps != null) {
            list.add(steps);
            list.add(stepMask);
        }
        if (pooled != null) {
            list.add(pooled);
        }
        return list;
    }
}
