package org.mer4j.models.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

/**
 * What follows the attention in a post-norm Transformer layer (Vaswani et al. 2017): dropout,
 * residual + LayerNorm, feed-forward, dropout, residual + LayerNorm. Shared by {@link EncoderLayer}
 * and {@link CrossModalLayer}; the blocks are registered as children of the owning layer under the
 * same names as before, so saved parameters keep their layout.
 */
final class ResidualSublayers {
    /** The owning block's {@code addChildBlock}. */
    interface ChildRegistry {
        <B extends Block> B addChildBlock(String name, B block);
    }

    private final Dropout attentionDropout;
    private final LayerNorm attentionNorm;
    private final FeedForwardBlock feedForward;
    private final Dropout feedForwardDropout;
    private final LayerNorm feedForwardNorm;

    ResidualSublayers(EncoderConfig config, ChildRegistry owner) {
        attentionDropout = owner.addChildBlock("attentionDropout", Dropout.builder().optRate(config.dropout()).build());
        attentionNorm = owner.addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        feedForward = owner.addChildBlock("feedForward",
                new FeedForwardBlock(config.dModel(), config.ffMultiplier(), config.dropout(), config.activation()));
        feedForwardDropout = owner.addChildBlock("feedForwardDropout", Dropout.builder().optRate(config.dropout()).build());
        feedForwardNorm = owner.addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
    }

    /** The layer output for the residual stream {@code x} and the attention output {@code attended}. */
    NDList forward(ParameterStore ps, NDArray x, NDArray attended, boolean training) {
        NDArray a = attentionDropout.forward(ps, new NDList(attended), training).singletonOrThrow();
        NDArray h = attentionNorm.forward(ps, new NDList(x.add(a)), training).singletonOrThrow();
        NDArray ff = feedForward.forward(ps, new NDList(h), training).singletonOrThrow();
        ff = feedForwardDropout.forward(ps, new NDList(ff), training).singletonOrThrow();
        return feedForwardNorm.forward(ps, new NDList(h.add(ff)), training);
    }

    /** Initialises the blocks for a residual stream of shape {@code x}. */
    void initialize(NDManager manager, DataType dataType, Shape x) {
        attentionDropout.initialize(manager, dataType, x);
        attentionNorm.initialize(manager, dataType, x);
        feedForward.initialize(manager, dataType, x);
        feedForwardDropout.initialize(manager, dataType, x);
        feedForwardNorm.initialize(manager, dataType, x);
    }
}
