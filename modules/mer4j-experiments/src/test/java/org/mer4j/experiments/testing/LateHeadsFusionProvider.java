package org.mer4j.experiments.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.FusionModelProvider;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.heads.TaskHeads;

/**
 * A fusion model written outside the framework, as a plugin author would: late fusion with one
 * projection and one set of task heads per modality (built from {@code spec.heads()} through
 * {@link TaskHeads}, without knowing what the tasks are), combined by learned softmax weights
 * that are returned as an auxiliary output, with a small entropy-style regulariser on them as
 * {@code aux.loss.gate}.
 */
public final class LateHeadsFusionProvider implements FusionModelProvider<LateHeadsFusionProvider.Config> {

    /** Width of the per-modality projection. */
    public record Config(int width) {
        public Config {
            width = width == 0 ? 16 : width;
        }
    }

    @Override
    public String name() {
        return "test-late-heads";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config defaultConfig() {
        return new Config(16);
    }

    @Override
    public FusionBlock build(Config config, ModelSpec spec) {
        return new Block(config, spec);
    }

    private static final class Block extends AbstractFusionBlock {
        private final ModelSpec spec;
        private final Config config;
        private final List<Linear> projections = new ArrayList<>();
        private final List<TaskHeads> heads = new ArrayList<>();
        private final Parameter gate;

        Block(Config config, ModelSpec spec) {
            super((byte) 1);
            this.spec = spec;
            this.config = config;
            for (String key : spec.keys()) {
                projections.add(addChildBlock(key + "Projection", Linear.builder().setUnits(config.width()).build()));
                heads.add(addChildBlock(key + "Heads", new TaskHeads(spec.heads(), config.width(), 0)));
            }
            gate = addParameter(Parameter.builder().setName("gate").setType(Parameter.Type.WEIGHT)
                    .optInitializer(Initializer.ZEROS).optShape(new Shape(spec.modalities().size())).build());
        }

        @Override
        public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
            FusionInputs in = FusionInputs.parse("test-late-heads", spec, inputs);
            NDArray weights = ps.getValue(gate, in.features().get(0).getDevice(), training).softmax(0);
            List<NDList> perModality = new ArrayList<>();
            for (int m = 0; m < projections.size(); m++) {
                NDArray mask = in.masks().get(m);
                NDArray h = projections.get(m).forward(ps, new NDList(in.features().get(m).mul(mask.expandDims(2))), training)
                        .singletonOrThrow().tanh();
                perModality.add(heads.get(m).apply(ps, h, mask, null, training));
            }
            Map<String, NDArray> outputs = new LinkedHashMap<>();
            for (int k = 0; k < spec.heads().size(); k++) {
                NDArray combined = null;
                for (int m = 0; m < perModality.size(); m++) {
                    NDArray part = perModality.get(m).get(k).mul(weights.get(m));
                    combined = combined == null ? part : combined.add(part);
                }
                outputs.put(spec.heads().get(k).name(), combined);
            }
            NDArray entropy = weights.mul(weights.add(1e-6f).log()).sum();
            Map<String, NDArray> aux = new LinkedHashMap<>();
            aux.put("modalityWeights", weights);
            aux.put("loss.gate", entropy.mul(0.01f));
            return new FusedOutput(null, null, null, outputs, aux);
        }

        @Override
        public int stepWidth() {
            return 0;
        }

        @Override
        public java.util.Set<String> ownHeads() {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            spec.heads().forEach(h -> names.add(h.name()));
            return names;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            long b = inputShapes[0].get(0);
            long t = inputShapes[0].get(1);
            for (int m = 0; m < projections.size(); m++) {
                projections.get(m).initialize(manager, dataType, inputShapes[2 * m]);
                heads.get(m).initialize(manager, dataType, new Shape(b, t, config.width()), new Shape(b, t));
            }
        }
    }

}
