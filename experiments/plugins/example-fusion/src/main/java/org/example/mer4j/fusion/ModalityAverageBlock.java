package org.example.mer4j.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.Scalars;

/**
 * Per step, every modality projected to {@code dModel} (Linear + GELU) and averaged over the
 * modalities present at that step (a missing modality is left out of the mean, not averaged in as
 * zeros); a step where no modality is present gives zeros. A deliberately small model: the point is
 * the plug-in path, not the architecture. Averaging projected modality features is the simplest
 * member of the "joint representation" family of Baltrušaitis, Ahuja and Morency (2019),
 * "Multimodal Machine Learning: A Survey and Taxonomy", IEEE TPAMI 41(2).
 *
 * <p>The framework attaches the task heads to the fused steps; this block never sees the tasks.
 */
public final class ModalityAverageBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final ModalityAverageConfig config;
    private final List<Linear> projections = new ArrayList<>();
    private final Dropout dropout;

    /** A block for {@code spec} (any number of modalities). */
    public ModalityAverageBlock(ModalityAverageConfig config, ModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.config = config;
        for (String key : spec.keys()) {
            projections.add(addChildBlock(key + "Projection", Linear.builder().setUnits(config.dModel()).build()));
        }
        dropout = addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse("modality-average", spec, inputs);
        NDArray sum = null;
        NDArray present = null;
        for (int m = 0; m < projections.size(); m++) {
            NDArray mask = in.masks().get(m).expandDims(2);
            NDArray h = projections.get(m).forward(ps, new NDList(in.features().get(m)), training).singletonOrThrow();
            NDArray masked = Activation.gelu(h).mul(mask);
            sum = sum == null ? masked : sum.add(masked);
            present = present == null ? mask : present.add(mask);
        }
        NDArray mean = sum.div(Scalars.maximum(present, 1));
        NDArray fused = dropout.forward(ps, new NDList(mean), training).singletonOrThrow();
        return FusedOutput.ofSteps(fused, in.unionMask());
    }

    @Override
    public int stepWidth() {
        return config.dModel();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int m = 0; m < projections.size(); m++) {
            projections.get(m).initialize(manager, dataType, inputShapes[2 * m]);
        }
        Shape x = inputShapes[0];
        dropout.initialize(manager, dataType, new Shape(x.get(0), x.get(1), config.dModel()));
    }
}
