package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.layers.ModalityEncoder;

/**
 * Early (feature-level) fusion: per step, the masked features of all modalities and their masks are
 * concatenated into one vector of width {@code sum(D_m) + M} and encoded by one
 * {@link ModalityEncoder}; the step is attended when any modality is valid there. With a single
 * modality this is the unimodal baseline. Output: the encoded steps {@code [B,T,dModel]} and the union mask. Follows the early-fusion baselines of the BAH corpus
 * (Belharbi et al. 2025, "BAH Dataset for Ambivalence/Hesitancy Recognition in Videos for
 * Behavioural Change").
 */
public final class EarlyFusionBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final EarlyFusionConfig config;
    private final ModalityEncoder encoder;

    /** An early-fusion model for {@code spec}. */
    public EarlyFusionBlock(EarlyFusionConfig config, ModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.config = config;
        encoder = addChildBlock("encoder", new ModalityEncoder(config.encoder()));
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(EarlyFusionProvider.NAME, spec, inputs);
        NDArray joint = in.jointFeatures();
        NDArray union = in.unionMask();
        NDArray h = encoder.forward(ps, new NDList(joint, union), training).singletonOrThrow();
        return FusedOutput.ofSteps(h, union);
    }

    @Override
    public int stepWidth() {
        return config.dModel();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long joint = spec.totalInputDim() + spec.modalities().size();
        Shape mask = new Shape(x.get(0), x.get(1));
        encoder.initialize(manager, dataType, new Shape(x.get(0), x.get(1), joint), mask);
    }
}
