package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.mer4j.models.layers.AttentionMasks;

/**
 * The follower summary of {@link LfanBlock}, computed independently at every step: the M modality
 * tokens of the step (leader first, then the followers) form a set; each follower's token queries the
 * leader's and the followers' tokens (multi-head scaled dot-product attention; a modality missing at
 * the step is not a key, a follower always sees its own token), its attended value plus its own token
 * is kept only where that follower is valid, and the followers' results are concatenated and
 * projected to d with LayerNorm. Inputs {@code (tokens [B,T,M,d], modalityMask [B,T,M])}, output
 * {@code [B,T,d]}.
 */
final class LfanFollowerAttention extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dModel;
    private final ScaledDotProductAttentionBlock attention;
    private final Linear summaryProjection;
    private final LayerNorm summaryNorm;

    LfanFollowerAttention(LfanConfig config) {
        super(VERSION);
        dModel = config.dModel();
        attention = addChildBlock("interModalAttention", ScaledDotProductAttentionBlock.builder()
                .setEmbeddingSize(dModel).setHeadCount(config.heads()).optAttentionProbsDropoutProb(config.dropout()).build());
        summaryProjection = addChildBlock("summaryProjection", Linear.builder().setUnits(dModel).build());
        summaryNorm = addChildBlock("summaryNorm", LayerNorm.builder().axis(2).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray tokens = inputs.get(0);
        NDArray modalityMask = inputs.get(1);
        Shape s = tokens.getShape();
        long b = s.get(0);
        long t = s.get(1);
        long m = s.get(2);
        NDArray flat = tokens.reshape(b * t, m, dModel);
        NDArray flatMask = modalityMask.reshape(b * t, m);
        // every token queries (the leader's row is then dropped): a sliced query would reach the
        // attention's weights as a strided view, whose results depend on where the weights live
        NDArray attended = attention.forward(ps, new NDList(flat, flat, flat, AttentionMasks.selfAttention(flatMask)), training)
                .singletonOrThrow();
        NDIndex followers = new NDIndex(":, 1:");
        NDArray rows = attended.add(flat).get(followers).mul(flatMask.get(followers).expandDims(2));
        NDArray summary = summaryProjection.forward(ps, new NDList(rows.reshape(b, t, (m - 1) * dModel)), training).singletonOrThrow();
        return summaryNorm.forward(ps, new NDList(summary), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), dModel)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        long bt = s.get(0) * s.get(1);
        long m = s.get(2);
        Shape tokens = new Shape(bt, m, dModel);
        attention.initialize(manager, dataType, tokens, tokens, tokens, new Shape(bt, m, m));
        summaryProjection.initialize(manager, dataType, new Shape(s.get(0), s.get(1), (m - 1) * dModel));
        summaryNorm.initialize(manager, dataType, new Shape(s.get(0), s.get(1), dModel));
    }
}
