package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.heads.HeadSpec;
import org.mer4j.models.heads.TaskHeads;
import org.mer4j.models.layers.MaskedSoftmax;
import org.mer4j.models.layers.ModalityEncoder;

/**
 * Late (decision-level) fusion, the standard baseline of the multimodal literature (Baltrušaitis,
 * Ahuja, Morency 2019, "Multimodal Machine Learning: A Survey and Taxonomy", IEEE TPAMI, Sec. 5.1
 * "model-agnostic approaches"): every modality has its own {@link ModalityEncoder} and its own
 * {@link TaskHeads} for all heads of the spec, and the per-modality predictions (logits or values)
 * are averaged with learned modality weights {@code softmax(l)} over {@code M} learned logits
 * (initially equal). The weights are renormalised over the modalities actually present: per sample
 * and step for step heads (a modality is present at a step when its mask is 1), per sample for clip
 * heads (present in a clip when any of its steps is valid), so a missing modality never
 * contributes; where none is present the output is 0. Clip heads of a modality pool that modality's
 * own valid steps.
 *
 * <p>The model computes every head itself ({@link #ownHeads()}); it also returns the weighted mix of
 * the modality encodings as its per-step representation (width {@code dModel}, union mask), and the
 * per-step weights {@code [B,T,M]} as the auxiliary output {@code modalityWeights}.
 *
 * <p>Where it differs from the survey's generic scheme: the modality weights are global learned
 * scalars (not predicted per sample), and the predictors are trained jointly through the fused loss
 * rather than one by one.
 */
public final class LateFusionBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;
    /** Name of the auxiliary output holding the per-step modality weights {@code [B,T,M]}. */
    public static final String WEIGHTS = "modalityWeights";

    private final ModelSpec spec;
    private final LateFusionConfig config;
    private final List<ModalityEncoder> encoders = new ArrayList<>();
    private final List<TaskHeads> heads = new ArrayList<>();
    private final Parameter modalityLogits;
    private final Set<String> ownHeads;

    /** A late-fusion model for {@code spec}. */
    public LateFusionBlock(LateFusionConfig config, ModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.config = config;
        for (int i = 0; i < spec.modalities().size(); i++) {
            String key = spec.modalities().get(i).key();
            encoders.add(addChildBlock(key + "Encoder", new ModalityEncoder(config.encoder())));
            heads.add(addChildBlock(key + "Heads", new TaskHeads(spec.heads(), config.dModel(), 0)));
        }
        modalityLogits = addParameter(Parameter.builder()
                .setName("modalityLogits")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(spec.modalities().size()))
                .build());
        Set<String> names = new LinkedHashSet<>();
        spec.heads().forEach(h -> names.add(h.name()));
        ownHeads = Collections.unmodifiableSet(names);
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(LateFusionProvider.NAME, spec, inputs);
        int m = encoders.size();
        List<NDArray> encoded = new ArrayList<>(m);
        List<NDList> predictions = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            NDArray mask = in.masks().get(i);
            NDArray h = encoders.get(i).forward(ps, new NDList(in.features().get(i), mask), training).singletonOrThrow();
            encoded.add(h);
            predictions.add(heads.get(i).apply(ps, h, mask, null, training));
        }
        NDArray logits = ps.getValue(modalityLogits, in.features().get(0).getDevice(), training);
        NDArray masks = NDArrays.stack(new NDList(in.masks()), 2);
        NDArray stepWeights = MaskedSoftmax.apply(logits.reshape(1, 1, m), masks, 2);
        NDArray present = masks.max(new int[] {1});
        NDArray clipWeights = MaskedSoftmax.apply(logits.reshape(1, m), present, 1);

        Map<String, NDArray> outputs = new LinkedHashMap<>();
        for (int h = 0; h < spec.heads().size(); h++) {
            HeadSpec head = spec.heads().get(h);
            NDList perModality = new NDList(m);
            for (NDList p : predictions) {
                perModality.add(p.get(h));
            }
            outputs.put(head.name(), head.level() == HeadSpec.Level.STEP
                    ? weightedSum(perModality, stepWeights, 2)
                    : weightedSum(perModality, clipWeights, 1));
        }
        NDArray steps = weightedSum(new NDList(encoded), stepWeights, 2);
        return new FusedOutput(steps, in.unionMask(), null, outputs, Map.of(WEIGHTS, stepWeights));
    }

    /** {@code sum_m weights[..., m] * values_m}, with the modality axis at {@code axis} of the stack. */
    private static NDArray weightedSum(NDList values, NDArray weights, int axis) {
        return NDArrays.stack(values, axis).mul(weights.expandDims(axis + 1)).sum(new int[] {axis});
    }

    /** Every head of the spec: the model predicts them all from its per-modality heads. */
    @Override
    public Set<String> ownHeads() {
        return ownHeads;
    }

    @Override
    public int stepWidth() {
        return config.dModel();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        for (int i = 0; i < encoders.size(); i++) {
            encoders.get(i).initialize(manager, dataType, inputShapes[2 * i], inputShapes[2 * i + 1]);
            heads.get(i).initialize(manager, dataType, new Shape(b, t, config.dModel()), new Shape(b, t));
        }
    }
}
