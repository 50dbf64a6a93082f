package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.Modality;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.Scalars;
import org.mer4j.models.layers.ModalityEncoder;

/**
 * Modality-specific experts with a regularised gate and attention reallocation, after MoSEAR:
 * Z. Han, B. Zhu, Y. Xu, P. Song, X. Yang, "Benchmarking and Bridging Emotion Conflicts for Multimodal
 * Emotion Reasoning", ACM International Conference on Multimedia (ACM MM) 2025, arXiv:2508.01181 (which
 * also introduces the CA-MER benchmark of emotion conflicts, whose subsets are video-aligned,
 * audio-aligned and consistent). MoSEAR has two parts: MoSE, modality-specific experts with a
 * regularised gating mechanism that reduces modality bias during fine-tuning, and AR, an attention
 * reallocation at inference that rebalances the modalities' contributions so that no single modality
 * (in the paper's findings, audio) dominates under conflict.
 *
 * <p><b>Both paths.</b> Each modality {@code m} has an expert, its own {@link ModalityEncoder}
 * ({@code <key>Expert}): {@code e_m [B,T,d]}. A gate network ({@code gateHidden}: Linear(M*d + M, d),
 * GELU, {@code gateOutput}: Linear(d, M)) reads, per step, the masked expert outputs and the M masks
 * and gives logits {@code l [B,T,M]}; masked modalities get {@code -10^4} added, so the softmax over
 * the experts gives them weight exactly 0 and {@code w} sums to 1 over the modalities present at that
 * step ({@code w = 0} at steps where none is present). {@code u} is the uniform weighting of the present
 * modalities ({@code 1/k} for each of the k present ones, 0 elsewhere).
 * <ul>
 *   <li><b>Training</b> ({@code training == true}): the experts are mixed with the gate as it is,
 *       {@code v = w}. The regulariser {@code lossGateBalance = gateRegularization · KL(ḡ ‖ ū)}, with
 *       {@code ḡ} and {@code ū} the means of {@code w} and {@code u} over the batch's steps where some
 *       modality is present, keeps the gate balanced on average (it is 0 when the gate is uniform over the
 *       present modalities) while leaving each step free to prefer an expert. Its name starts with
 *       {@code loss}, so the framework adds it to the training loss.</li>
 *   <li><b>Inference</b> ({@code training == false}), the attention reallocation:
 *       {@code v = (1 − r)·w + r·u} with {@code r = reallocation}: still 0 for missing modalities and
 *       summing to 1 over the present ones, but {@code (1 − r)} times closer to uniform, so a modality the
 *       gate learned to favour cannot dominate a conflicting step. {@code lossGateBalance} is still
 *       reported, computed on {@code w}.</li>
 * </ul>
 * The fused step is {@code GELU(sharedProjection(Σ_m v_m · e_m))}, one projection shared by all experts,
 * {@code [B,T,d]}, with the union mask. Auxiliary outputs: {@code gate} {@code [B,T,M]} (the weights
 * {@code v} actually used, in spec order) and {@code lossGateBalance} (a scalar).
 *
 * <p><b>Where mer4j differs from the paper.</b> MoSEAR adapts a multimodal large language model: its
 * experts are LoRA adapters (a shared A matrix and several expert B matrices per modality) chosen by a
 * gating network, with dynamic modality weights balancing audio and video during fine-tuning, and AR
 * redistributes the frozen backbone's attention between modality tokens at inference, without
 * parameters. Here an expert is a small Transformer encoder over one modality's aligned features, the
 * gate weighs whole modality experts per step, the balance regulariser is the KL divergence above (the
 * paper's exact regulariser is not reproduced) and the reallocation acts on the gate weights by
 * interpolation towards uniform, not on attention maps inside the layers.
 */
public final class MosearFusionBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;
    /** Added to the gate logits of missing modalities: exp(-10^4) is exactly 0 in float32. */
    private static final double MISSING_LOGIT = 1e4;
    /** Keeps log() finite for a modality the mean gate never chooses. */
    private static final double LOG_EPSILON = 1e-6;

    private final ModelSpec spec;
    private final MosearConfig config;
    private final List<ModalityEncoder> experts = new ArrayList<>();
    private final Linear gateHidden;
    private final Linear gateOutput;
    private final Linear sharedProjection;

    /** A MoSEAR model for {@code spec} (one expert per modality). */
    public MosearFusionBlock(MosearConfig config, ModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.config = config;
        for (Modality m : spec.modalities()) {
            experts.add(addChildBlock(m.key() + "Expert", new ModalityEncoder(config.encoder())));
        }
        gateHidden = addChildBlock("gateHidden", Linear.builder().setUnits(config.dModel()).build());
        gateOutput = addChildBlock("gateOutput", Linear.builder().setUnits(spec.modalities().size()).build());
        sharedProjection = addChildBlock("sharedProjection", Linear.builder().setUnits(config.dModel()).build());
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(MosearProvider.NAME, spec, inputs);
        int m = experts.size();
        NDList outputs = new NDList(m);
        NDList gateInput = new NDList(2 * m);
        for (int i = 0; i < m; i++) {
            NDArray mask = in.masks().get(i);
            NDArray e = experts.get(i).forward(ps, new NDList(in.features().get(i), mask), training).singletonOrThrow();
            outputs.add(e);
            gateInput.add(e.mul(mask.expandDims(2)));
        }
        NDArray masks = NDArrays.stack(new NDList(in.masks()), 2);
        gateInput.add(masks);
        NDArray union = in.unionMask();
        NDArray any = union.expandDims(2);

        NDArray hidden = Activation.gelu(gateHidden.forward(ps, new NDList(NDArrays.concat(gateInput, 2)), training).singletonOrThrow());
        NDArray logits = gateOutput.forward(ps, new NDList(hidden), training).singletonOrThrow();
        NDArray gate = logits.add(Scalars.mul(Scalars.sub(masks, 1), MISSING_LOGIT)).softmax(2).mul(any);
        NDArray uniform = masks.div(Scalars.maximum(masks.sum(new int[] {2}, true), 1));
        double r = config.reallocation();
        NDArray used = training ? gate : Scalars.mul(gate, 1 - r).add(Scalars.mul(uniform, r));

        NDArray mixture = NDArrays.stack(outputs, 2).mul(used.expandDims(3)).sum(new int[] {2});
        NDArray fused = Activation.gelu(sharedProjection.forward(ps, new NDList(mixture), training).singletonOrThrow());

        Map<String, NDArray> auxiliary = new LinkedHashMap<>();
        auxiliary.put("gate", used);
        auxiliary.put("lossGateBalance", Scalars.mul(balance(gate, uniform, union), config.gateRegularization()));
        return new FusedOutput(fused, union, null, null, auxiliary);
    }

    /**
     * {@code KL(ḡ ‖ ū)}: the means over the steps where some modality is present ({@code union [B,T]}) of
     * the gate {@code [B,T,M]} and of the uniform weighting of the present modalities {@code [B,T,M]};
     * a scalar, 0 when the two agree and for a batch without any present step.
     */
    static NDArray balance(NDArray gate, NDArray uniform, NDArray union) {
        NDArray steps = Scalars.maximum(union.sum(), 1);
        NDArray meanGate = gate.sum(new int[] {0, 1}).div(steps);
        NDArray meanUniform = uniform.sum(new int[] {0, 1}).div(steps);
        NDArray logRatio = Scalars.add(meanGate, LOG_EPSILON).log().sub(Scalars.add(meanUniform, LOG_EPSILON).log());
        return meanGate.mul(logRatio).sum();
    }

    @Override
    public int stepWidth() {
        return config.dModel();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        int m = experts.size();
        for (int i = 0; i < m; i++) {
            experts.get(i).initialize(manager, dataType, inputShapes[2 * i], inputShapes[2 * i + 1]);
        }
        gateHidden.initialize(manager, dataType, new Shape(b, t, (long) m * config.dModel() + m));
        gateOutput.initialize(manager, dataType, new Shape(b, t, config.dModel()));
        sharedProjection.initialize(manager, dataType, new Shape(b, t, config.dModel()));
    }
}
