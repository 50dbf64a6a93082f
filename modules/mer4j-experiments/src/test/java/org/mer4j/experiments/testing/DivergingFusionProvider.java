package org.mer4j.experiments.testing;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.fusion.PooledMlpConfig;
import org.mer4j.models.fusion.PooledMlpProvider;

/** Test-only fusion model whose representation is NaN, so its training always diverges. */
public final class DivergingFusionProvider implements FusionModelProvider<PooledMlpConfig> {
    @Override
    public String name() {
        return "test-diverging";
    }

    @Override
    public Class<PooledMlpConfig> configType() {
        return PooledMlpConfig.class;
    }

    @Override
    public PooledMlpConfig defaultConfig() {
        return PooledMlpConfig.defaults();
    }

    @Override
    public FusionBlock build(PooledMlpConfig config, ModelSpec spec) {
        FusionBlock inner = new PooledMlpProvider().build(config, spec);
        return new AbstractFusionBlock((byte) 1) {
            {
                addChildBlock("inner", inner);
            }

            @Override
            public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
                FusedOutput out = inner.fuse(ps, inputs, training);
                return FusedOutput.ofSteps(out.steps().mul(Float.NaN), out.stepMask());
            }

            @Override
            public int stepWidth() {
                return inner.stepWidth();
            }

            @Override
            protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
                inner.initialize(manager, dataType, inputShapes);
            }
        };
    }
}
