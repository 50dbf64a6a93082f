package org.mer4j.models.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Transformer encoder of one step sequence: masked input features {@code x*mask} are projected
 * Linear(D, d), a sinusoidal {@link PositionalEncoding} is added, dropout, then
 * {@code config.layers()} {@link EncoderLayer}s whose self-attention never attends to masked
 * (padded or missing) steps.
 *
 * <p>Inputs {@code (x [B,T,D], mask [B,T])}, output {@code [B,T,d]}.
 */
public final class ModalityEncoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final EncoderConfig config;
    private final Linear inputProjection;
    private final Dropout inputDropout;
    private final List<EncoderLayer> layers = new ArrayList<>();

    /** An encoder producing width {@code config.dModel()}. */
    public ModalityEncoder(EncoderConfig config) {
        super(VERSION);
        this.config = config;
        inputProjection = addChildBlock("inputProjection", Linear.builder().setUnits(config.dModel()).build());
        inputDropout = addChildBlock("inputDropout", Dropout.builder().optRate(config.dropout()).build());
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new EncoderLayer(config)));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        int steps = (int) x.getShape().get(1);
        NDArray masked = x.mul(mask.expandDims(2));
        NDArray h = inputProjection.forward(ps, new NDList(masked), training).singletonOrThrow();
        h = h.add(PositionalEncoding.create(x.getManager(), steps, config.dModel()));
        h = inputDropout.forward(ps, new NDList(h), training).singletonOrThrow();
        NDArray attentionMask = AttentionMasks.selfAttention(mask);
        for (EncoderLayer layer : layers) {
            h = layer.forward(ps, new NDList(h, attentionMask), training).singletonOrThrow();
        }
        return new NDList(h);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), x.get(1), config.dModel())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        inputProjection.initialize(manager, dataType, x);
        Shape hidden = new Shape(x.get(0), x.get(1), config.dModel());
        inputDropout.initialize(manager, dataType, hidden);
        Shape mask = new Shape(x.get(0), x.get(1), x.get(1));
        for (EncoderLayer layer : layers) {
            layer.initialize(manager, dataType, hidden, mask);
        }
    }
}
