package org.mer4j.models.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Position-wise feed-forward network of the Transformer (Vaswani et al. 2017): Linear(d, k*d),
 * activation, dropout, Linear(k*d, d). Works on {@code [..., d]}.
 */
public final class FeedForwardBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Linear expand;
    private final Linear contract;
    private final Dropout dropout;
    private final UnaryOperator<NDArray> activation;

    /** A feed-forward block of width {@code dModel} and hidden width {@code multiplier * dModel}. */
    public FeedForwardBlock(int dModel, int multiplier, float dropoutRate, String activationName) {
        super(VERSION);
        this.activation = activation(activationName);
        this.expand = addChildBlock("expand", Linear.builder().setUnits((long) dModel * multiplier).build());
        this.contract = addChildBlock("contract", Linear.builder().setUnits(dModel).build());
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
    }

    /** The activation function called {@code name} ({@code gelu} or {@code relu}). */
    static UnaryOperator<NDArray> activation(String name) {
        String key = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return switch (key) {
            case "gelu" -> Activation::gelu;
            case "relu" -> Activation::relu;
            default -> throw new IllegalArgumentException("fusion.activation must be 'gelu' or 'relu', got '" + name + "'");
        };
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = activation.apply(expand.forward(ps, inputs, training).singletonOrThrow());
        hidden = dropout.forward(ps, new NDList(hidden), training).singletonOrThrow();
        return contract.forward(ps, new NDList(hidden), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return contract.getOutputShapes(expand.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        expand.initialize(manager, dataType, inputShapes[0]);
        Shape hidden = expand.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        dropout.initialize(manager, dataType, hidden);
        contract.initialize(manager, dataType, hidden);
    }
}
