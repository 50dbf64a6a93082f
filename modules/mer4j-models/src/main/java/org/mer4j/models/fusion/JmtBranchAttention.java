package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The learned attention over the branches of {@link JmtBlock}, at every step: each branch output
 * {@code b_k} gets the score {@code v^T tanh(W b_k + c)} (additive attention, shared over branches),
 * the scores are a softmax over the K branches, and the output is the weighted sum of the branches.
 * Inputs {@code (branches [B,T,K,d])}; outputs {@code (fused [B,T,d], weights [B,T,K])}.
 */
final class JmtBranchAttention extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Linear hidden;
    private final Linear score;

    JmtBranchAttention(int dModel) {
        super(VERSION);
        hidden = addChildBlock("hidden", Linear.builder().setUnits(dModel).build());
        score = addChildBlock("score", Linear.builder().setUnits(1).optBias(false).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray branches = inputs.get(0);
        NDArray h = hidden.forward(ps, new NDList(branches), training).singletonOrThrow().tanh();
        NDArray weights = score.forward(ps, new NDList(h), training).singletonOrThrow().squeeze(3).softmax(2);
        NDArray fused = branches.mul(weights.expandDims(3)).sum(new int[] {2});
        return new NDList(fused, weights);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), s.get(3)), new Shape(s.get(0), s.get(1), s.get(2))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        hidden.initialize(manager, dataType, inputShapes[0]);
        score.initialize(manager, dataType, inputShapes[0]);
    }
}
