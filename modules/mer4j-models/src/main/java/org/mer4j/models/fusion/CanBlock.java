package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.layers.ModalityEncoder;

/**
 * Cross-attentional network with joint cross-attention, CAN / JCA (Praveen, de Melo, Ullah, Aslam,
 * Zeeshan, Denorme, Pedersoli, Koerich, Bacon, Cardinal, Granger 2022, "A Joint Cross-Attention Model
 * for Audio-Visual Fusion in Dimensional Emotion Recognition", CVPR Workshops; the strongest fusion
 * baseline of the BAH corpus, Belharbi et al. 2025):
 * <ol>
 *   <li>every modality is encoded by its own {@link ModalityEncoder} and zeroed at its missing steps:
 *       {@code X_m [B,T,d]};</li>
 *   <li>the joint representation {@code J [B,T,M*d]} concatenates all {@code X_m} per step (a joint
 *       step is valid when any modality is);</li>
 *   <li>for each modality, {@link CanJointAttention}: the joint cross-correlation
 *       {@code C_m = tanh(X_m W_m J^T / sqrt(M*d))} between its steps and the joint steps, attention
 *       weights from {@code C_m} over the valid joint steps and
 *       {@code H_m = ReLU(X_m + W_c,m (A_m J))};</li>
 *   <li>the {@code H_m} are concatenated per step and projected to dModel: the per-step
 *       representation, with the union mask.</li>
 * </ol>
 *
 * <p>Where mer4j differs from the paper: the paper turns {@code C} into attention maps with learned
 * weights over a fixed clip length {@code L} ({@code H = ReLU(W X + W_c C^T)}) and adds their
 * projection to {@code X}; here, for any T and with missing steps masked, the weights are a softmax
 * of {@code C} over the valid joint steps and the attended joint features are projected back to d.
 * The backbones are mer4j's Transformer encoders on pre-extracted features instead of the paper's
 * pretrained visual and audio CNNs, the framework's heads replace its fully-connected regressor, and
 * it takes any number (at least two) of modalities, not only audio and video.
 */
public final class CanBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final CanConfig config;
    private final List<ModalityEncoder> encoders = new ArrayList<>();
    private final List<CanJointAttention> jointAttention = new ArrayList<>();
    private final Linear fusionProjection;

    /** A joint cross-attention model for {@code spec}, which must list at least two modalities. */
    public CanBlock(CanConfig config, ModelSpec spec) {
        super(VERSION);
        if (spec.modalities().size() < 2) {
            throw new IllegalArgumentException(CanProvider.NAME + " needs at least two modalities, the spec lists " + spec.keys()
                    + "; use early-fusion for a unimodal baseline");
        }
        this.spec = spec;
        this.config = config;
        int jointWidth = spec.modalities().size() * config.dModel();
        for (String key : spec.keys()) {
            encoders.add(addChildBlock(key + "Encoder", new ModalityEncoder(config.encoder())));
            jointAttention.add(addChildBlock(key + "JointAttention", new CanJointAttention(config.dModel(), jointWidth)));
        }
        fusionProjection = addChildBlock("fusionProjection", Linear.builder().setUnits(config.dModel()).build());
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(CanProvider.NAME, spec, inputs);
        int m = encoders.size();
        NDList encoded = new NDList();
        for (int i = 0; i < m; i++) {
            NDArray mask = in.masks().get(i);
            NDArray h = encoders.get(i).forward(ps, new NDList(in.features().get(i), mask), training).singletonOrThrow();
            encoded.add(h.mul(mask.expandDims(2)));
        }
        NDArray joint = NDArrays.concat(encoded, 2);
        NDArray union = in.unionMask();
        NDList attended = new NDList();
        for (int i = 0; i < m; i++) {
            attended.add(jointAttention.get(i).forward(ps, new NDList(encoded.get(i), joint, union), training).get(0));
        }
        NDArray fused = fusionProjection.forward(ps, new NDList(NDArrays.concat(attended, 2)), training).singletonOrThrow();
        return FusedOutput.ofSteps(fused, union);
    }

    @Override
    public int stepWidth() {
        return config.dModel();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        int m = encoders.size();
        Shape hidden = new Shape(b, t, config.dModel());
        Shape joint = new Shape(b, t, (long) m * config.dModel());
        for (int i = 0; i < m; i++) {
            encoders.get(i).initialize(manager, dataType, inputShapes[2 * i], inputShapes[2 * i + 1]);
            jointAttention.get(i).initialize(manager, dataType, hidden, joint, new Shape(b, t));
        }
        fusionProjection.initialize(manager, dataType, new Shape(b, t, (long) m * config.dModel()));
    }
}
