package org.mer4j.models.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Cross-modal attention layer in the spirit of MulT (Tsai et al. 2019, "Multimodal Transformer for
 * Unaligned Multimodal Language Sequences", ACL): queries come from the target modality, keys and
 * values from the source sequence; then residual + LayerNorm, feed-forward, residual + LayerNorm.
 *
 * <p>A learned "null" key/value token is appended to the sources and is always valid, so a target
 * step whose sources are all missing attends to it instead of producing NaN.
 *
 * <p>With a {@code window}, target step {@code t} sees only source steps within {@code window} steps
 * of {@code t} (and the null token): a band mask for sequences on one aligned timeline.
 *
 * <p>Inputs {@code (target [B,T,d], sources [B,S,d], sourceMask [B,S])}, output {@code [B,T,d]}.
 */
public final class CrossModalLayer extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dModel;
    private final Parameter nullToken;
    private final ScaledDotProductAttentionBlock attention;
    private final ResidualSublayers sublayers;
    private final Integer window;

    /** A layer of width {@code config.dModel()} attending to whole source sequences. */
    public CrossModalLayer(EncoderConfig config) {
        this(config, null);
    }

    /** A layer of width {@code config.dModel()}; {@code window} in steps, or null for whole sequences. */
    public CrossModalLayer(EncoderConfig config, Integer window) {
        super(VERSION);
        this.window = window;
        dModel = config.dModel();
        nullToken = addParameter(Parameter.builder().setName("nullToken").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f)).optShape(new Shape(1, 1, dModel)).build());
        attention = addChildBlock("crossAttention", ScaledDotProductAttentionBlock.builder()
                .setEmbeddingSize(dModel).setHeadCount(config.heads())
                .optAttentionProbsDropoutProb(config.dropout()).build());
        sublayers = new ResidualSublayers(config, this::addChildBlock);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray target = inputs.get(0);
        NDArray sources = inputs.get(1);
        NDArray sourceMask = inputs.get(2);
        long batch = target.getShape().get(0);
        long steps = target.getShape().get(1);
        // start from an array of the batch's manager so the broadcast token is freed with the batch, not kept by the model
        NDArray token = target.getManager().zeros(new Shape(batch, 1, dModel))
                .add(ps.getValue(nullToken, target.getDevice(), training));
        NDArray keys = sources.concat(token, 1);
        NDArray keyMask = sourceMask.concat(sourceMask.getManager().ones(new Shape(batch, 1)), 1);
        NDArray mask = AttentionMasks.cross(keyMask, steps);
        if (window != null) {
            mask = mask.mul(AttentionMasks.band(steps, sources.getShape().get(1), window, target.getManager()));
        }
        NDArray attended = attention.forward(ps, new NDList(keys, target, keys, mask), training).singletonOrThrow();
        return sublayers.forward(ps, target, attended, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape target = inputShapes[0];
        Shape sources = inputShapes[1];
        Shape keys = new Shape(sources.get(0), sources.get(1) + 1, dModel);
        attention.initialize(manager, dataType, keys, target, keys, new Shape(target.get(0), target.get(1), keys.get(1)));
        sublayers.initialize(manager, dataType, target);
    }
}
