package org.mer4j.models.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.models.Scalars;

/**
 * The heads of the configured tasks on one representation: per {@link HeadSpec}, a step head
 * ({@code Linear(D_s, units)} on every step, output {@code [B,T,units]}) or a clip head
 * ({@code Linear(D, units)} on the pooled vector, output {@code [B,units]}; the vector is the fusion
 * model's pooled representation, else the masked mean of the steps, or an attention-weighted sum of
 * the valid steps for {@link HeadSpec.Pooling#ATTENTION}). A clip without a valid step pools to zeros.
 *
 * <p>The framework builds one {@code TaskHeads} on a fusion model's output. Models that need heads
 * of their own (late fusion, modality experts) build more, e.g. one per modality, from
 * {@link org.mer4j.models.ModelSpec#heads()}, and return their combined outputs in
 * {@link org.mer4j.models.FusedOutput#headOutputs()}.
 *
 * <p>Block inputs {@code (steps [B,T,D_s], stepMask [B,T])} when {@code stepWidth > 0}, then
 * {@code pooled [B,D_p]} when {@code pooledWidth > 0}; outputs one array per head, in spec order.
 */
public final class TaskHeads extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Score offset of masked steps before the softmax. */
    private static final float MASKED_SCORE = -1e4f;

    private final List<HeadSpec> specs;
    private final int stepWidth;
    private final int pooledWidth;
    private final List<Linear> outputs = new ArrayList<>();
    private final List<Linear> scorers = new ArrayList<>();

    /**
     * Heads for {@code specs} on a representation of per-step width {@code stepWidth} and pooled
     * width {@code pooledWidth} (0 = absent).
     *
     * @throws IllegalArgumentException when a head needs a representation that is absent
     */
    public TaskHeads(List<HeadSpec> specs, int stepWidth, int pooledWidth) {
        super(VERSION);
        this.specs = List.copyOf(specs);
        this.stepWidth = stepWidth;
        this.pooledWidth = pooledWidth;
        for (HeadSpec spec : this.specs) {
            boolean needsSteps = spec.level() == HeadSpec.Level.STEP || spec.pooling() == HeadSpec.Pooling.ATTENTION
                    || pooledWidth == 0;
            if (needsSteps && stepWidth == 0) {
                throw new IllegalArgumentException("head '" + spec.name() + "' (" + spec.level().name().toLowerCase(java.util.Locale.ROOT)
                        + (spec.pooling() == HeadSpec.Pooling.ATTENTION ? ", attention pooling" : "")
                        + ") needs a per-step representation, but the fusion model gives only a pooled one;"
                        + " use a clip-level task setting or a fusion model with per-step output");
            }
            outputs.add(addChildBlock(spec.name() + "Head", Linear.builder().setUnits(spec.units()).build()));
            scorers.add(spec.pooling() == HeadSpec.Pooling.ATTENTION && spec.level() == HeadSpec.Level.CLIP
                    ? addChildBlock(spec.name() + "Attention", Linear.builder().setUnits(1).build()) : null);
        }
    }

    /** The head specs, in output order. */
    public List<HeadSpec> specs() {
        return specs;
    }

    /**
     * One output per head.
     *
     * @param steps {@code [B,T,D_s]} or null
     * @param stepMask {@code [B,T]} (with steps)
     * @param pooled {@code [B,D_p]} or null
     */
    public NDList apply(ParameterStore ps, NDArray steps, NDArray stepMask, NDArray pooled, boolean training) {
        NDList out = new NDList();
        NDArray meanPooled = null;
        for (int i = 0; i < specs.size(); i++) {
            HeadSpec spec = specs.get(i);
            NDArray input;
            if (spec.level() == HeadSpec.Level.STEP) {
                input = steps;
            } else if (spec.pooling() == HeadSpec.Pooling.ATTENTION) {
                input = attentionPool(ps, scorers.get(i), steps, stepMask, training);
            } else if (pooled != null) {
                input = pooled;
            } else {
                if (meanPooled == null) {
                    meanPooled = maskedMean(steps, stepMask);
                }
                input = meanPooled;
            }
            out.add(outputs.get(i).forward(ps, new NDList(input), training).singletonOrThrow());
        }
        return out;
    }

    /** Mean of the valid steps {@code [B,D]}; zeros for a clip without a valid step. */
    public static NDArray maskedMean(NDArray steps, NDArray stepMask) {
        NDArray count = Scalars.maximum(stepMask.sum(new int[] {1}, true), 1);
        return steps.mul(stepMask.expandDims(2)).sum(new int[] {1}).div(count);
    }

    private static NDArray attentionPool(ParameterStore ps, Linear scorer, NDArray steps, NDArray stepMask, boolean training) {
        NDArray scores = scorer.forward(ps, new NDList(steps), training).singletonOrThrow().squeeze(2);
        NDArray masked = scores.add(Scalars.mul(Scalars.sub(stepMask, 1), -MASKED_SCORE));
        NDArray weights = masked.softmax(1).mul(stepMask);
        return steps.mul(weights.expandDims(2)).sum(new int[] {1});
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray steps = stepWidth > 0 ? inputs.get(0) : null;
        NDArray mask = stepWidth > 0 ? inputs.get(1) : null;
        NDArray pooled = pooledWidth > 0 ? inputs.get(stepWidth > 0 ? 2 : 0) : null;
        return apply(ps, steps, mask, pooled, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long t = stepWidth > 0 ? inputShapes[0].get(1) : 1;
        Shape[] shapes = new Shape[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            HeadSpec s = specs.get(i);
            shapes[i] = s.level() == HeadSpec.Level.STEP ? new Shape(b, t, s.units()) : new Shape(b, s.units());
        }
        return shapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = stepWidth > 0 ? inputShapes[0].get(1) : 1;
        for (int i = 0; i < specs.size(); i++) {
            HeadSpec spec = specs.get(i);
            boolean fromSteps = spec.level() == HeadSpec.Level.STEP || spec.pooling() == HeadSpec.Pooling.ATTENTION || pooledWidth == 0;
            long width = fromSteps ? stepWidth : pooledWidth;
            Shape in = spec.level() == HeadSpec.Level.STEP ? new Shape(b, t, width) : new Shape(b, width);
            outputs.get(i).initialize(manager, dataType, in);
            if (scorers.get(i) != null) {
                scorers.get(i).initialize(manager, dataType, new Shape(b, t, stepWidth));
            }
        }
    }
}
