package org.mer4j.models.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One post-norm Transformer encoder layer (Vaswani et al. 2017): masked multi-head self-attention,
 * dropout, residual + LayerNorm, then feed-forward, dropout, residual + LayerNorm.
 *
 * <p>Inputs {@code (x [B,T,d], attentionMask [B,T,T])} (see {@link AttentionMasks#selfAttention});
 * output {@code [B,T,d]}. Built from DJL's {@link ScaledDotProductAttentionBlock} rather than
 * DJL's {@code TransformerEncoderBlock}, which uses BatchNorm.
 */
public final class EncoderLayer extends AbstractBlock {
    private static final byte VERSION = 1;

    private final ScaledDotProductAttentionBlock attention;
    private final ResidualSublayers sublayers;

    /** A layer of width {@code config.dModel()}. */
    public EncoderLayer(EncoderConfig config) {
        super(VERSION);
        attention = addChildBlock("selfAttention", ScaledDotProductAttentionBlock.builder()
                .setEmbeddingSize(config.dModel()).setHeadCount(config.heads())
                .optAttentionProbsDropoutProb(config.dropout()).build());
        sublayers = new ResidualSublayers(config, this::addChildBlock);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray attended = attention.forward(ps, new NDList(x, x, x, mask), training).singletonOrThrow();
        return sublayers.forward(ps, x, attended, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        attention.initialize(manager, dataType, x, x, x, inputShapes[1]);
        sublayers.initialize(manager, dataType, x);
    }
}
