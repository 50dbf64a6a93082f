package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.mer4j.models.layers.PositionalEncoding;

/**
 * The temporal projection of one modality in {@link MultBlock}: a bias-free 1-D convolution over
 * time of odd kernel {@code k} with {@code (k-1)/2} zero padding on each side, mapping the features
 * to dModel, then sinusoidal positions and dropout. Masked steps are zeroed before the convolution
 * and its output is zeroed again at masked steps (before the positions). Inputs
 * {@code (x [B,T,D], mask [B,T])}, output {@code [B,T,dModel]}.
 *
 * <p>The convolution is computed as a bias-free Linear(k*D, dModel) over the k neighbouring steps
 * stacked per step (the same function as a Conv1d, weights laid out by offset); this keeps every
 * tensor that meets a parameter contiguous in the {@code [B,T,.]} layout, so outputs do not depend on
 * where the engine keeps the weights (a Conv1d on a transposed view and a Linear on its transposed
 * output gave results that differed in the last bits after a save/load round trip).
 *
 * <p>Zeroing before the convolution makes a valid step independent of what a masked neighbour holds;
 * with {@code k > 1} it still sees that the neighbour is missing (a zero, as at the ends of the
 * sequence), so the position of a gap can shift the valid steps next to it. With {@code k = 1}
 * (the default) steps never see each other here.
 */
final class MultProjection extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dModel;
    private final int kernel;
    private final Linear conv;
    private final Dropout dropout;

    MultProjection(int dModel, int kernel, float dropoutRate) {
        super(VERSION);
        this.dModel = dModel;
        this.kernel = kernel;
        conv = addChildBlock("conv", Linear.builder().setUnits(dModel).optBias(false).build());
        dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
    }

    /** Per step, the features of steps {@code t-(k-1)/2 .. t+(k-1)/2} side by side (zeros outside the clip): {@code [B,T,k*D]}. */
    private NDArray neighbourhoods(NDArray x) {
        if (kernel == 1) {
            return x;
        }
        Shape s = x.getShape();
        long steps = s.get(1);
        int pad = (kernel - 1) / 2;
        NDArray zeros = x.getManager().zeros(new Shape(s.get(0), pad, s.get(2)), x.getDataType());
        NDArray padded = NDArrays.concat(new NDList(zeros, x, zeros), 1);
        NDList shifted = new NDList();
        for (int offset = 0; offset < kernel; offset++) {
            shifted.add(padded.get(new NDIndex(":, {}:{}, :", offset, offset + steps)));
        }
        return NDArrays.concat(shifted, 2);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1).expandDims(2);
        NDArray h = conv.forward(ps, new NDList(neighbourhoods(x.mul(mask))), training).singletonOrThrow().mul(mask);
        h = h.add(PositionalEncoding.create(x.getManager(), (int) x.getShape().get(1), dModel));
        return dropout.forward(ps, new NDList(h), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), x.get(1), dModel)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        conv.initialize(manager, dataType, new Shape(x.get(0), x.get(1), kernel * x.get(2)));
        dropout.initialize(manager, dataType, new Shape(x.get(0), x.get(1), dModel));
    }
}
