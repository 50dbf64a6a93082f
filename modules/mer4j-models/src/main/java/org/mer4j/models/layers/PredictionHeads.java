package org.mer4j.models.layers;

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
 * The two outputs shared by all fusion models: a frame-level A/H logit per step (Linear(d, 1)) and a
 * clip-level emotion logit vector from the mean of the valid steps (masked mean pooling, then
 * Linear(d, E)), following the frame- and video-level tasks of the BAH corpus (Belharbi et al. 2025).
 *
 * <p>Inputs {@code (h [B,T,d], mask [B,T])}, outputs {@code (ahLogits [B,T], emotionLogits [B,E])}.
 * A clip without a valid step pools to zeros (the denominator is clamped to 1).
 */
public final class PredictionHeads extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int emotions;
    private final Linear frameHead;
    private final Linear emotionHead;

    /** Heads for {@code emotions} emotion classes. */
    public PredictionHeads(int emotions) {
        super(VERSION);
        this.emotions = emotions;
        frameHead = addChildBlock("ahFrameHead", Linear.builder().setUnits(1).build());
        emotionHead = addChildBlock("emotionHead", Linear.builder().setUnits(emotions).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray ahLogits = frameHead.forward(ps, new NDList(h), training).singletonOrThrow().squeeze(2);
        NDArray weights = mask.expandDims(2);
        NDArray count = mask.sum(new int[] {1}, true).maximum(1f);
        NDArray pooled = h.mul(weights).sum(new int[] {1}).div(count);
        NDArray emotionLogits = emotionHead.forward(ps, new NDList(pooled), training).singletonOrThrow();
        return new NDList(ahLogits, emotionLogits);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape h = inputShapes[0];
        return new Shape[] {new Shape(h.get(0), h.get(1)), new Shape(h.get(0), emotions)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape h = inputShapes[0];
        frameHead.initialize(manager, dataType, h);
        emotionHead.initialize(manager, dataType, new Shape(h.get(0), h.get(2)));
    }
}
