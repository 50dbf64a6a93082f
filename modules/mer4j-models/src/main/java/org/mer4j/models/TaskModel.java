package org.mer4j.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Map;
import org.mer4j.models.heads.HeadSpec;
import org.mer4j.models.heads.TaskHeads;
import org.mer4j.models.layers.TokenEmbeddings;

/**
 * What the framework trains: a {@link FusionBlock} with the heads of the configured tasks
 * ({@link TaskHeads}) on its output. Inputs as the fusion block; outputs one array per head of
 * {@link ModelSpec#heads()} in order ({@code [B,T,units]} for step heads, {@code [B,units]} for
 * clip heads; a head the fusion model computes itself ({@link FusionBlock#ownHeads()}) is taken
 * from {@link FusedOutput#headOutputs()}), then the fusion model's auxiliary outputs, each named
 * {@code aux.<name>}.
 *
 * <p>When the spec has {@link ModelSpec#tokens() token inputs}, their id columns are embedded first
 * ({@link TokenEmbeddings}); the fusion model must then be built for {@link ModelSpec#fused()}.
 */
public final class TaskModel extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Name prefix of auxiliary outputs. */
    public static final String AUX_PREFIX = "aux.";

    private final ModelSpec spec;
    private final FusionBlock fusion;
    private final TaskHeads heads;
    private final TokenEmbeddings tokens;

    /** Attaches the heads of {@code spec} to {@code fusion}, which must be built for {@code spec.fused()}. */
    public TaskModel(ModelSpec spec, FusionBlock fusion) {
        super(VERSION);
        this.spec = spec;
        this.fusion = addChildBlock("fusion", fusion);
        List<HeadSpec> frameworkHeads = spec.heads().stream().filter(h -> !fusion.ownHeads().contains(h.name())).toList();
        this.heads = frameworkHeads.isEmpty() ? null
                : addChildBlock("heads", new TaskHeads(frameworkHeads, fusion.stepWidth(), fusion.pooledWidth()));
        this.tokens = spec.tokens().isEmpty() ? null : addChildBlock("tokens", new TokenEmbeddings(spec));
    }

    /** The model spec. */
    public ModelSpec spec() {
        return spec;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList features = tokens == null ? inputs : tokens.forward(ps, inputs, training);
        FusedOutput fused = fusion.fuse(ps, features, training);
        NDList framework = heads == null ? new NDList() : heads.apply(ps, fused.steps(), fused.stepMask(), fused.pooled(), training);
        NDList out = new NDList();
        int next = 0;
        for (HeadSpec h : spec.heads()) {
            if (fusion.ownHeads().contains(h.name())) {
                NDArray given = fused.headOutputs().get(h.name());
                if (given == null) {
                    throw new IllegalStateException("fusion model declares head '" + h.name() + "' as its own but returned no output for it");
                }
                out.add(given);
            } else {
                out.add(framework.get(next++));
            }
        }
        for (Map.Entry<String, NDArray> e : fused.auxiliary().entrySet()) {
            NDArray aux = e.getValue();
            aux.setName(AUX_PREFIX + e.getKey());
            out.add(aux);
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        Shape[] shapes = new Shape[spec.heads().size()];
        for (int i = 0; i < shapes.length; i++) {
            HeadSpec h = spec.heads().get(i);
            shapes[i] = h.level() == HeadSpec.Level.STEP ? new Shape(b, t, h.units()) : new Shape(b, h.units());
        }
        return shapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] fusionInputs = inputShapes;
        if (tokens != null) {
            tokens.initialize(manager, dataType, inputShapes);
            fusionInputs = tokens.getOutputShapes(inputShapes);
        }
        fusion.initialize(manager, dataType, fusionInputs);
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        java.util.List<Shape> headInputs = new java.util.ArrayList<>();
        if (fusion.stepWidth() > 0) {
            headInputs.add(new Shape(b, t, fusion.stepWidth()));
            headInputs.add(new Shape(b, t));
        }
        if (fusion.pooledWidth() > 0) {
            headInputs.add(new Shape(b, fusion.pooledWidth()));
        }
        if (heads != null) {
            heads.initialize(manager, dataType, headInputs.toArray(new Shape[0]));
        }
    }
}
