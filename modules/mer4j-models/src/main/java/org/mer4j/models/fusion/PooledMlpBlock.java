package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.layers.PredictionHeads;

/**
 * The classic baseline: a per-step multilayer perceptron (or, with no hidden layer, a linear model)
 * on the concatenated masked features and masks, with the shared {@link PredictionHeads} (frame A/H
 * logits per step; emotion from the masked mean over steps). Steps never see each other. On a
 * clip-level track (one step per clip, e.g. eGeMAPS functionals) this is exactly an MLP or
 * multinomial logistic regression on the functionals, the standard baseline of Eyben et al.,
 * "The Geneva Minimalistic Acoustic Parameter Set (GeMAPS)", IEEE Trans. Affective Computing 2016
 * (there with SVMs).
 */
public final class PooledMlpBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final PooledMlpConfig config;
    /** The hidden layers, or null for the linear model. */
    private final SequentialBlock trunk;
    private final PredictionHeads heads;

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
        heads = addChildBlock("heads", new PredictionHeads(spec.emotionCount()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        FusionInputs in = FusionInputs.parse(PooledMlpProvider.NAME, spec, inputs);
        NDArray joint = in.jointFeatures();
        NDArray h = trunk == null ? joint : trunk.forward(ps, new NDList(joint), training).singletonOrThrow();
        return heads.forward(ps, new NDList(h, in.unionMask()), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), x.get(1)), new Shape(x.get(0), spec.emotionCount())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long width = spec.totalInputDim() + spec.modalities().size();
        Shape joint = new Shape(x.get(0), x.get(1), width);
        long out = width;
        if (trunk != null) {
            trunk.initialize(manager, dataType, joint);
            out = config.hidden().get(config.hidden().size() - 1);
        }
        heads.initialize(manager, dataType, new Shape(x.get(0), x.get(1), out), new Shape(x.get(0), x.get(1)));
    }
}
