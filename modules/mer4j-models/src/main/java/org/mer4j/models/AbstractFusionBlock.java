package org.mer4j.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Skeleton of a {@link FusionBlock}: implement {@link #fuse}, {@link #stepWidth()} (and
 * {@link #pooledWidth()} when the model pools) and {@code initializeChildBlocks}. Used on its own,
 * the block's forward returns {@link FusedOutput#toList()}.
 */
public abstract class AbstractFusionBlock extends AbstractBlock implements FusionBlock {

    protected AbstractFusionBlock(byte version) {
        super(version);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return fuse(ps, inputs, training).toList();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        List<Shape> shapes = new ArrayList<>();
        if (stepWidth() > 0) {
            shapes.add(new Shape(b, t, stepWidth()));
            shapes.add(new Shape(b, t));
        }
        if (pooledWidth() > 0) {
            shapes.add(new Shape(b, pooledWidth()));
        }
        return shapes.toArray(new Shape[0]);
    }
}
