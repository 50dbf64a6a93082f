package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
import org.mer4j.models.layers.AttentionMasks;
import org.mer4j.models.layers.CrossModalLayer;
import org.mer4j.models.layers.EncoderLayer;

/**
 * The Multimodal Transformer, MulT (Tsai, Bai, Liang, Kolter, Morency, Salakhutdinov 2019,
 * "Multimodal Transformer for Unaligned Multimodal Language Sequences", ACL):
 * <ol>
 *   <li>each modality is projected to dModel by a temporal Conv1d ({@link MultProjection}, kernel
 *       {@link MultConfig#kernel()}, masked steps zeroed) and gets sinusoidal positions;</li>
 *   <li>for every ordered pair target ← source a crossmodal transformer of
 *       {@link MultConfig#crossLayers()} {@link CrossModalLayer}s: the target's stream queries, the
 *       source's projected sequence gives keys and values (its missing steps masked);</li>
 *   <li>per target, its {@code M-1} crossmodal outputs are concatenated per step ({@code (M-1)*dModel})
 *       and pass a self-attention transformer of {@link MultConfig#selfLayers()} {@link EncoderLayer}s;</li>
 *   <li>the per-step concatenation of all targets is projected to dModel, followed by MulT's
 *       residual output block {@code h + W2 dropout(ReLU(W1 h))}: the per-step representation,
 *       with the union mask (a step counts when any modality is valid there).</li>
 * </ol>
 *
 * <p>Where mer4j differs from the paper: the timelines are aligned (all modalities have T steps), so
 * an optional {@link MultConfig#window()} can restrict the crossmodal attention to nearby steps; the
 * layers are post-norm (mer4j's shared layers) instead of pre-norm, positions are added once after
 * the projection instead of at the entry of every transformer, there is no {@code sqrt(d)} embedding
 * scale, and a learned always-valid null key (see {@link CrossModalLayer}) keeps a target finite when
 * its source is missing everywhere. The self-attention transformers mask keys at steps where no
 * modality is valid (a step where only the target is missing still carries what it read from the
 * sources). The heads read every step instead of the last one. Needs at least two modalities.
 */
public final class MultBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final MultConfig config;
    private final List<MultProjection> projections = new ArrayList<>();
    /** Per target, per source (in spec order, the target left out), the crossmodal layers. */
    private final List<List<List<CrossModalLayer>>> crossmodal = new ArrayList<>();
    private final List<List<EncoderLayer>> selfAttention = new ArrayList<>();
    private final Linear fusionProjection;
    private final Linear outputHidden;
    private final Dropout outputDropout;
    private final Linear outputProjection;

    /** A MulT model for {@code spec}, which must list at least two modalities. */
    public MultBlock(MultConfig config, ModelSpec spec) {
        super(VERSION);
        int m = spec.modalities().size();
        if (m < 2) {
            throw new IllegalArgumentException(MultProvider.NAME + " needs at least two modalities, the spec lists " + spec.keys()
                    + "; use early-fusion for a unimodal baseline");
        }
        this.spec = spec;
        this.config = config;
        List<String> keys = spec.keys();
        for (String key : keys) {
            projections.add(addChildBlock(key + "Projection", new MultProjection(config.dModel(), config.kernel(), config.dropout())));
        }
        for (int target = 0; target < m; target++) {
            List<List<CrossModalLayer>> bySource = new ArrayList<>();
            for (int source = 0; source < m; source++) {
                if (source == target) {
                    continue;
                }
                List<CrossModalLayer> layers = new ArrayList<>();
                for (int l = 0; l < config.crossLayers(); l++) {
                    String name = keys.get(target) + "From" + capitalised(keys.get(source)) + "Cross" + l;
                    layers.add(addChildBlock(name, new CrossModalLayer(config.crossmodal(), config.window())));
                }
                bySource.add(layers);
            }
            crossmodal.add(bySource);
            List<EncoderLayer> layers = new ArrayList<>();
            for (int l = 0; l < config.selfLayers(); l++) {
                layers.add(addChildBlock(keys.get(target) + "Self" + l, new EncoderLayer(config.selfAttention(m))));
            }
            selfAttention.add(layers);
        }
        fusionProjection = addChildBlock("fusionProjection", Linear.builder().setUnits(config.dModel()).build());
        outputHidden = addChildBlock("outputHidden", Linear.builder().setUnits(config.dModel()).build());
        outputDropout = addChildBlock("outputDropout", Dropout.builder().optRate(config.dropout()).build());
        outputProjection = addChildBlock("outputProjection", Linear.builder().setUnits(config.dModel()).build());
    }

    static String capitalised(String key) {
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(MultProvider.NAME, spec, inputs);
        int m = projections.size();
        List<NDArray> projected = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            NDList x = new NDList(in.features().get(i), in.masks().get(i));
            projected.add(projections.get(i).forward(ps, x, training).singletonOrThrow());
        }
        NDArray union = in.unionMask();
        NDArray selfMask = AttentionMasks.selfAttention(union);
        NDList targets = new NDList();
        for (int target = 0; target < m; target++) {
            NDList fromSources = new NDList();
            int next = 0;
            for (int source = 0; source < m; source++) {
                if (source == target) {
                    continue;
                }
                NDArray z = projected.get(target);
                for (CrossModalLayer layer : crossmodal.get(target).get(next)) {
                    z = layer.forward(ps, new NDList(z, projected.get(source), in.masks().get(source)), training).singletonOrThrow();
                }
                fromSources.add(z);
                next++;
            }
            NDArray h = fromSources.size() == 1 ? fromSources.singletonOrThrow() : NDArrays.concat(fromSources, 2);
            for (EncoderLayer layer : selfAttention.get(target)) {
                h = layer.forward(ps, new NDList(h, selfMask), training).singletonOrThrow();
            }
            targets.add(h);
        }
        NDArray fused = fusionProjection.forward(ps, new NDList(NDArrays.concat(targets, 2)), training).singletonOrThrow();
        NDArray hidden = Activation.relu(outputHidden.forward(ps, new NDList(fused), training).singletonOrThrow());
        hidden = outputDropout.forward(ps, new NDList(hidden), training).singletonOrThrow();
        fused = fused.add(outputProjection.forward(ps, new NDList(hidden), training).singletonOrThrow());
        return FusedOutput.ofSteps(fused, union);
    }

    @Override
    public int stepWidth() {
        return config.dModel();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        int m = projections.size();
        Shape hidden = new Shape(b, t, config.dModel());
        Shape stepMask = new Shape(b, t);
        for (int i = 0; i < m; i++) {
            projections.get(i).initialize(manager, dataType, inputShapes[2 * i], inputShapes[2 * i + 1]);
            for (List<CrossModalLayer> layers : crossmodal.get(i)) {
                for (CrossModalLayer layer : layers) {
                    layer.initialize(manager, dataType, hidden, hidden, stepMask);
                }
            }
            for (EncoderLayer layer : selfAttention.get(i)) {
                layer.initialize(manager, dataType, new Shape(b, t, (long) (m - 1) * config.dModel()), new Shape(b, t, t));
            }
        }
        fusionProjection.initialize(manager, dataType, new Shape(b, t, (long) m * (m - 1) * config.dModel()));
        outputHidden.initialize(manager, dataType, hidden);
        outputDropout.initialize(manager, dataType, hidden);
        outputProjection.initialize(manager, dataType, hidden);
    }
}
