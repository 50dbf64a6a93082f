package org.mer4j.models;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mer4j.api.Modality;
import org.mer4j.models.heads.HeadSpec;

/**
 * What a fusion model is built for: the modalities it reads (in input order), the feature dimension
 * of each, and the heads of the configured tasks (names, levels, widths — not what the tasks mean).
 *
 * <p>The block built from a spec takes the inputs {@code (x_1, mask_1, x_2, mask_2, ...)} in the
 * order of {@link #modalities()}; see {@link FusionBlock}.
 *
 * @param modalities ordered, distinct, non-empty
 * @param inputDims positive feature dimension D for every modality in {@code modalities}
 * @param heads the task heads, with distinct names, at least one
 */
public record ModelSpec(List<Modality> modalities, Map<Modality, Integer> inputDims, List<HeadSpec> heads) {
    public ModelSpec {
        if (modalities == null || modalities.isEmpty()) {
            throw new IllegalArgumentException("model spec: modalities must list at least one of video, audio, text");
        }
        if (new HashSet<>(modalities).size() != modalities.size()) {
            throw new IllegalArgumentException("model spec: modalities " + modalities + " contain a duplicate; list each modality once");
        }
        if (inputDims == null) {
            throw new IllegalArgumentException("model spec: inputDims is missing; give the feature dimension of each modality");
        }
        Map<Modality, Integer> dims = new LinkedHashMap<>();
        for (Modality m : modalities) {
            Integer d = inputDims.get(m);
            if (d == null || d <= 0) {
                throw new IllegalArgumentException("model spec: inputDims." + m.key() + " must be a positive feature dimension, got " + d);
            }
            dims.put(m, d);
        }
        if (heads == null || heads.isEmpty()) {
            throw new IllegalArgumentException("model spec: no task heads; configure at least one task");
        }
        Set<String> seen = new HashSet<>();
        for (HeadSpec h : heads) {
            if (!seen.add(h.name())) {
                throw new IllegalArgumentException("model spec: two heads are named '" + h.name() + "'; give each task a distinct name");
            }
        }
        modalities = List.copyOf(modalities);
        inputDims = java.util.Collections.unmodifiableMap(dims);
        heads = List.copyOf(heads);
    }

    /** Feature dimension of {@code modality}; fails naming the known modalities when it is not part of the spec. */
    public int dim(Modality modality) {
        Integer d = inputDims.get(modality);
        if (d == null) {
            throw new IllegalArgumentException("modality " + modality.key() + " is not part of this model (modalities " + keys() + ")");
        }
        return d;
    }

    /** Sum of the input dimensions of all modalities. */
    public int totalInputDim() {
        int sum = 0;
        for (Modality m : modalities) {
            sum += inputDims.get(m);
        }
        return sum;
    }

    /** Modality keys in input order, e.g. [video, audio]. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Modality m : modalities) {
            keys.add(m.key());
        }
        return keys;
    }
}
