package org.mer4j.experiments.testing;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.fusion.PooledMlpConfig;
import org.mer4j.models.fusion.PooledMlpProvider;

/** Test-only fusion model whose outputs are NaN, so its training always diverges. */
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
    public Block build(PooledMlpConfig config, ModelSpec spec) {
        return new SequentialBlock()
                .add(new PooledMlpProvider().build(config, spec))
                .add(new LambdaBlock(out -> new NDList(out.get(0).mul(Float.NaN), out.get(1).mul(Float.NaN))));
    }
}
