package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.mer4j.models.Scalars;

/**
 * The joint cross-attention of one modality in {@link CanBlock} (Praveen et al. 2022): with the
 * modality's steps {@code X [B,T,d]} and the joint steps {@code J [B,T,D_J]}, the joint
 * cross-correlation {@code C = tanh(X W J^T / sqrt(D_J))} ({@code [B,T,T]}; {@code W} a learned,
 * bias-free Linear(d, D_J)), attention weights over the joint steps
 * from {@code C} (a softmax over the valid joint steps; a row without a valid step gets zero weights),
 * and the attended features {@code H = ReLU(X + W_c (A J))}.
 *
 * <p>Inputs {@code (x [B,T,d], joint [B,T,D_J], jointMask [B,T])}; outputs {@code (H [B,T,d],
 * A [B,T,T])}.
 */
final class CanJointAttention extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Guard of the softmax denominator of a row without valid keys. */
    private static final double EMPTY_ROW = 1e-12;

    private final int jointWidth;
    private final Linear correlation;
    private final Linear attendedProjection;

    CanJointAttention(int dModel, int jointWidth) {
        super(VERSION);
        this.jointWidth = jointWidth;
        correlation = addChildBlock("correlation", Linear.builder().setUnits(jointWidth).optBias(false).build());
        attendedProjection = addChildBlock("attendedProjection", Linear.builder().setUnits(dModel).build());
    }

    /**
     * Softmax of the correlations {@code [B,T,S]} over the valid keys of {@code keyMask [B,S]}: the
     * correlations lie in [-1, 1], so {@code exp} needs no shift; masked keys get weight 0 and a row
     * without valid keys is all zeros.
     */
    static NDArray weights(NDArray correlations, NDArray keyMask) {
        NDArray scores = correlations.exp().mul(keyMask.expandDims(1));
        return scores.div(Scalars.maximum(scores.sum(new int[] {2}, true), EMPTY_ROW));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray joint = inputs.get(1);
        NDArray jointMask = inputs.get(2);
        NDArray projected = correlation.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray c = Scalars.div(projected.batchMatMul(joint.transpose(0, 2, 1)), Math.sqrt(jointWidth)).tanh();
        NDArray a = weights(c, jointMask);
        NDArray attended = attendedProjection.forward(ps, new NDList(a.batchMatMul(joint)), training).singletonOrThrow();
        return new NDList(Activation.relu(x.add(attended)), a);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {x, new Shape(x.get(0), x.get(1), inputShapes[1].get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        correlation.initialize(manager, dataType, x);
        attendedProjection.initialize(manager, dataType, new Shape(x.get(0), x.get(1), jointWidth));
    }
}
