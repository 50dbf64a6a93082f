package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;

/**
 * The classic baseline: a per-step multilayer perceptron (or, with no hidden layer, a linear model)
 * on the concatenated masked features and masks; the framework's task heads read its per-step output
 * (clip heads: the masked mean over steps). Steps never see each other. On a
 * clip-level track (one step per clip, e.g. eGeMAPS functionals) this is exactly an MLP or
 * multinomial logistic regression on the functionals, the standard baseline of Eyben et al.,
 * "The Geneva Minimalistic Acoustic Parameter Set (GeMAPS)", IEEE Trans. Affective Computing 2016
 * (there with SVMs).
 */
public final class PooledMlpBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final PooledMlpConfig config;
    /** The hidden layers, or null for the linear model. */
    private final SequentialBlock trunk;

    /** A pooled MLP for {@code spec}. */
    public PooledMlpBlock(PooledMlpConfig config, ModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.config = config;
        if (config.hidden().isEmpty()) {
            trunk = null;
        } else {
            SequentialBlock layers = new SequentialBlock();
            for (int width : config.hidden()) {
                layers.add(Linear.builder().setUnits(width).build());
                layers.add(Activation.reluBlock());
                if (config.dropout() > 0) {
                    layers.add(Dropout.builder().optRate(config.dropout()).build());
                }
            }
            trunk = addChildBlock("trunk", layers);
        }
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(PooledMlpProvider.NAME, spec, inputs);
        NDArray joint = in.jointFeatures();
        NDArray h = trunk == null ? joint : trunk.forward(ps, new NDList(joint), training).singletonOrThrow();
        return FusedOutput.ofSteps(h, in.unionMask());
    }

    @Override
    public int stepWidth() {
        return config.hidden().isEmpty() ? spec.totalInputDim() + spec.modalities().size() : config.hidden().get(config.hidden().size() - 1);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long width = spec.totalInputDim() + spec.modalities().size();
        Shape joint = new Shape(x.get(0), x.get(1), width);
        if (trunk != null) {
            trunk.initialize(manager, dataType, joint);
        }
    }
}
