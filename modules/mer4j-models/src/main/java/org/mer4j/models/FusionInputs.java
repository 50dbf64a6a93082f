package org.mer4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.Modality;

/**
 * The validated inputs of a fusion block: per modality, features {@code [B,T,D_m]} and mask
 * {@code [B,T]}, unpacked from {@code (x_1, mask_1, x_2, mask_2, ...)}.
 *
 * @param features per modality in spec order
 * @param masks per modality in spec order
 * @param batch B
 * @param steps T
 */
public record FusionInputs(List<NDArray> features, List<NDArray> masks, long batch, long steps) {

    /**
     * Checks count and shapes of {@code inputs} against {@code spec} and unpacks them.
     *
     * @param model name of the model (for the message)
     * @throws IllegalArgumentException naming the offending input, its expected and actual shape
     */
    public static FusionInputs parse(String model, ModelSpec spec, NDList inputs) {
        int m = spec.modalities().size();
        if (inputs.size() != 2 * m) {
            throw new IllegalArgumentException(model + ": expected " + 2 * m + " inputs (features [B,T,D] then mask [B,T] for each of "
                    + spec.keys() + " in that order), got " + inputs.size());
        }
        List<NDArray> features = new ArrayList<>(m);
        List<NDArray> masks = new ArrayList<>(m);
        long batch = -1;
        long steps = -1;
        for (int i = 0; i < m; i++) {
            Modality modality = spec.modalities().get(i);
            NDArray x = inputs.get(2 * i);
            NDArray mask = inputs.get(2 * i + 1);
            Shape xs = x.getShape();
            Shape ms = mask.getShape();
            if (xs.dimension() != 3 || xs.get(2) != spec.dim(modality)) {
                throw new IllegalArgumentException(model + ": input " + 2 * i + " (features of " + modality.key() + ") must have shape [B,T,"
                        + spec.dim(modality) + "], got " + xs + "; check the feature dimension in the model spec");
            }
            if (batch < 0) {
                batch = xs.get(0);
                steps = xs.get(1);
            } else if (xs.get(0) != batch || xs.get(1) != steps) {
                throw new IllegalArgumentException(model + ": input " + 2 * i + " (features of " + modality.key() + ") has [B,T] = ["
                        + xs.get(0) + "," + xs.get(1) + "] but the first modality has [" + batch + "," + steps
                        + "]; all modalities must share the aligned timeline");
            }
            if (ms.dimension() != 2 || ms.get(0) != batch || ms.get(1) != steps) {
                throw new IllegalArgumentException(model + ": input " + (2 * i + 1) + " (mask of " + modality.key() + ") must have shape ["
                        + batch + "," + steps + "], got " + ms);
            }
            features.add(x);
            masks.add(mask);
        }
        return new FusionInputs(List.copyOf(features), List.copyOf(masks), batch, steps);
    }

    /** The shapes {@code (x_1, mask_1, ...)} with which to initialise a block for {@code spec}. */
    public static Shape[] initShapes(ModelSpec spec, long batch, long steps) {
        Shape[] shapes = new Shape[2 * spec.modalities().size()];
        for (int i = 0; i < spec.modalities().size(); i++) {
            shapes[2 * i] = new Shape(batch, steps, spec.dim(spec.modalities().get(i)));
            shapes[2 * i + 1] = new Shape(batch, steps);
        }
        return shapes;
    }

    /** Step mask that is 1 where at least one modality is valid, {@code [B,T]}. */
    /**
     * Per step, every modality's features zeroed where masked, then the masks themselves:
     * {@code [B, T, sum(D_m) + M]}, the joint input of feature-level (early) fusion.
     */
    public NDArray jointFeatures() {
        NDList parts = new NDList();
        for (int i = 0; i < features.size(); i++) {
            parts.add(features.get(i).mul(masks.get(i).expandDims(2)));
        }
        for (NDArray mask : masks) {
            parts.add(mask.expandDims(2));
        }
        return NDArrays.concat(parts, 2);
    }

    public NDArray unionMask() {
        NDArray union = masks.get(0);
        for (int i = 1; i < masks.size(); i++) {
            union = union.maximum(masks.get(i));
        }
        return union;
    }
}
