package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.layers.UnimodalSubnet;

/**
 * Tensor Fusion Network (Zadeh, Chen, Poria, Cambria, Morency 2017, "Tensor Fusion Network for
 * Multimodal Sentiment Analysis", EMNLP). Per step, every modality passes its own subnetwork
 * ({@link UnimodalSubnet}: Linear + ReLU to {@code modalityWidth} {@code d}, zeros where the modality
 * is masked) and gets a constant 1 appended; the tensor fusion layer takes the outer product of
 * these {@code [z_m; 1]} across modalities, a vector of {@code prod_m (d+1)} entries that holds the
 * unimodal terms (each {@code z_m} times the other modalities' 1s), every bimodal (and, with three
 * modalities, the trimodal) product and the constant 1 ({@link #tensorFusion}). Linear + ReLU to
 * {@code dModel} (weights initialised {@code U(-1/sqrt(n), 1/sqrt(n))} over the tensor's {@code n}
 * entries, PyTorch's default in the authors' code; then dropout) gives the per-step representation,
 * with the union mask. A modality
 * missing at a step contributes only its 1, so the fused vector reduces to the other modalities'
 * terms there.
 *
 * <p>Where it differs from the paper: the paper fuses one vector per utterance, obtained from an
 * LSTM (language) and from mean pooling plus a three-layer network (audio, video), and has two
 * 128-unit layers after fusion. mer4j fuses at every step of the aligned timeline (utterance-level
 * features are the case {@code T = 1}), with one layer per subnetwork (no dropout there) and one
 * after fusion; steps never see each other, and clip heads pool the fused steps.
 */
public final class TfnBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;
    /** Largest fusion tensor accepted, in entries per step. */
    static final long MAX_TENSOR_WIDTH = 1L << 16;

    private final ModelSpec spec;
    private final TfnConfig config;
    private final List<UnimodalSubnet> subnets = new ArrayList<>();
    private final Linear fusionLayer;
    private final Dropout fusionDropout;
    private final long tensorWidth;

    /** A TFN for {@code spec}; fails when the fusion tensor would exceed 65,536 entries per step. */
    public TfnBlock(TfnConfig config, ModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.config = config;
        long width = 1;
        for (int i = 0; i < spec.modalities().size(); i++) {
            width *= config.modalityWidth() + 1L;
            if (width > MAX_TENSOR_WIDTH) {
                throw new IllegalArgumentException(TfnProvider.NAME + ": the fusion tensor of " + spec.modalities().size()
                        + " modalities with fusion.modalityWidth=" + config.modalityWidth() + " has over " + MAX_TENSOR_WIDTH
                        + " entries per step ((modalityWidth+1)^M); lower fusion.modalityWidth or use lmf");
            }
            subnets.add(addChildBlock(spec.modalities().get(i).key() + "Subnet", new UnimodalSubnet(config.modalityWidth())));
        }
        tensorWidth = width;
        fusionLayer = addChildBlock("fusionLayer", Linear.builder().setUnits(config.dModel()).build());
        // PyTorch's nn.Linear default, as in the authors' code: the tensor's entries are products,
        // larger than unit-variance features, and DJL's default (std sqrt(2/fanIn)) starts the
        // outputs far above the targets' scale (held-out valence CCC on the contract's task fell
        // from about 0.67 to about 0.55 after 25 epochs)
        fusionLayer.setInitializer(new UniformInitializer((float) (1 / Math.sqrt(tensorWidth))), Parameter.Type.WEIGHT);
        fusionDropout = addChildBlock("fusionDropout", Dropout.builder().optRate(config.dropout()).build());
    }

    /**
     * The tensor fusion layer: the outer product of {@code factors} ({@code [B,T,w_m]} each) per step,
     * flattened in row-major order, {@code [B,T,prod w_m]}. For {@code [a;1]} and {@code [b;1]} entry
     * {@code i*(|b|+1)+j} is {@code a_i b_j}, entry {@code i*(|b|+1)+|b|} is {@code a_i}, entry
     * {@code |a|*(|b|+1)+j} is {@code b_j} and the last entry is 1.
     */
    public static NDArray tensorFusion(List<NDArray> factors) {
        NDArray fused = factors.get(0);
        for (int i = 1; i < factors.size(); i++) {
            NDArray next = factors.get(i);
            Shape s = fused.getShape();
            long width = s.get(2) * next.getShape().get(2);
            fused = fused.expandDims(3).mul(next.expandDims(2)).reshape(s.get(0), s.get(1), width);
        }
        return fused;
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(TfnProvider.NAME, spec, inputs);
        List<NDArray> factors = new ArrayList<>(subnets.size());
        for (int i = 0; i < subnets.size(); i++) {
            NDList subnetInput = new NDList(in.features().get(i), in.masks().get(i));
            factors.add(subnets.get(i).forward(ps, subnetInput, training).singletonOrThrow());
        }
        NDArray fused = tensorFusion(factors);
        NDArray h = Activation.relu(fusionLayer.forward(ps, new NDList(fused), training).singletonOrThrow());
        h = fusionDropout.forward(ps, new NDList(h), training).singletonOrThrow();
        return FusedOutput.ofSteps(h, in.unionMask());
    }

    @Override
    public int stepWidth() {
        return config.dModel();
    }

    /** Entries of the fusion tensor per step, {@code (modalityWidth+1)^M}. */
    public long tensorWidth() {
        return tensorWidth;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        for (int i = 0; i < subnets.size(); i++) {
            subnets.get(i).initialize(manager, dataType, inputShapes[2 * i], inputShapes[2 * i + 1]);
        }
        fusionLayer.initialize(manager, dataType, new Shape(b, t, tensorWidth));
        fusionDropout.initialize(manager, dataType, new Shape(b, t, config.dModel()));
    }
}
