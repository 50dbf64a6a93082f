package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.layers.UnimodalSubnet;

/**
 * Low-rank Multimodal Fusion (Liu, Shen, Lakshminarasimhan, Liang, Zadeh, Morency 2018, "Efficient
 * Low-rank Multimodal Fusion with Modality-Specific Factors", ACL). Per step, every modality passes
 * its own subnetwork ({@link UnimodalSubnet}: Linear + ReLU to {@code d_m}, zeros where masked) and
 * gets a 1 appended, {@code z_m = [h_m; 1]}. Instead of forming TFN's outer product {@code Z} and
 * multiplying it by a weight tensor {@code W}, the weight tensor is taken as a sum of {@code r}
 * rank-one terms of modality-specific factors {@code W_m^(i)} ({@code [d_m+1, dModel]}), so
 * {@code W . Z} becomes, as in the authors' code,
 * {@code h = sum_i lambda_i prod_m (z_m W_m^(i)) + b} (element-wise products over modalities,
 * learned rank weights {@code lambda} and bias {@code b}, initialised as in that code); the cost is
 * linear in the number of modalities. Output: {@code dropout(h)} per step ({@code [B,T,dModel]}) with
 * the union mask. As in TFN, a modality missing at a step contributes only through its 1.
 *
 * <p>Where it differs from the paper: the paper fuses one vector per utterance (from an LSTM for
 * language, pooled features and a small network for audio and video) and maps it straight to the
 * task output; mer4j fuses at every step of the aligned timeline ({@code T = 1} for utterance-level
 * features), uses one layer per subnetwork without dropout (dropout acts on {@code h} instead), and
 * the framework's task heads read {@code h}. Steps never see each other.
 */
public final class LmfBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final LmfConfig config;
    private final List<UnimodalSubnet> subnets = new ArrayList<>();
    /** Per modality, the {@code r} factors stacked: {@code z_m -> [r * dModel]}, no bias (the appended 1 of {@code z_m} acts as one). */
    private final List<Linear> factors = new ArrayList<>();
    private final Parameter rankWeights;
    private final Parameter fusionBias;
    private final Dropout fusionDropout;

    /** An LMF model for {@code spec}. */
    public LmfBlock(LmfConfig config, ModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.config = config;
        for (int i = 0; i < spec.modalities().size(); i++) {
            String key = spec.modalities().get(i).key();
            subnets.add(addChildBlock(key + "Subnet", new UnimodalSubnet(config.modalityWidth())));
            Linear f = Linear.builder().setUnits((long) config.rank() * config.dModel()).optBias(false).build();
            f.setInitializer(new NormalInitializer(factorStd(config)), Parameter.Type.WEIGHT);
            factors.add(addChildBlock(key + "Factors", f));
        }
        rankWeights = addParameter(Parameter.builder()
                .setName("rankWeights")
                .setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer((float) Math.sqrt(2.0 / (1 + config.rank()))))
                .optShape(new Shape(1, config.rank()))
                .build());
        fusionBias = addParameter(Parameter.builder()
                .setName("fusionBias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(config.dModel()))
                .build());
        fusionDropout = addChildBlock("fusionDropout", Dropout.builder().optRate(config.dropout()).build());
    }

    /**
     * Standard deviation of the factors' initial values: Glorot's {@code sqrt(2 / (fanIn + fanOut))}
     * as PyTorch's {@code xavier_normal_} computes it for the authors' factor tensor
     * {@code [r, d_m+1, dModel]} ({@code fanIn = (d_m+1) dModel}, {@code fanOut = r dModel}). DJL's
     * default for a {@code Linear} is several times larger, and the product over modalities then
     * starts with outputs far above the targets' scale (on the contract's synthetic task the
     * held-out valence CCC after 25 epochs fell from about 0.67 to about 0.2).
     */
    static float factorStd(LmfConfig config) {
        return (float) Math.sqrt(2.0 / ((double) config.dModel() * (config.modalityWidth() + 1 + config.rank())));
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(LmfProvider.NAME, spec, inputs);
        long b = in.batch();
        long t = in.steps();
        NDArray product = null;
        for (int i = 0; i < subnets.size(); i++) {
            NDArray z = subnets.get(i).forward(ps, new NDList(in.features().get(i), in.masks().get(i)), training).singletonOrThrow();
            NDArray projected = factors.get(i).forward(ps, new NDList(z), training).singletonOrThrow()
                    .reshape(b, t, config.rank(), config.dModel());
            product = product == null ? projected : product.mul(projected);
        }
        var device = in.features().get(0).getDevice();
        NDArray lambda = ps.getValue(rankWeights, device, training).reshape(1, 1, config.rank(), 1);
        NDArray bias = ps.getValue(fusionBias, device, training);
        NDArray h = product.mul(lambda).sum(new int[] {2}).add(bias);
        h = fusionDropout.forward(ps, new NDList(h), training).singletonOrThrow();
        return FusedOutput.ofSteps(h, in.unionMask());
    }

    @Override
    public int stepWidth() {
        return config.dModel();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        for (int i = 0; i < subnets.size(); i++) {
            subnets.get(i).initialize(manager, dataType, inputShapes[2 * i], inputShapes[2 * i + 1]);
            factors.get(i).initialize(manager, dataType, new Shape(b, t, config.modalityWidth() + 1L));
        }
        fusionDropout.initialize(manager, dataType, new Shape(b, t, config.dModel()));
    }
}
