package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.layers.CrossModalLayer;
import org.mer4j.models.layers.ModalityEncoder;

/**
 * Cross-modal attention fusion after MulT (Tsai et al. 2019, "Multimodal Transformer for Unaligned
 * Multimodal Language Sequences", ACL): every modality is encoded by its own {@link ModalityEncoder};
 * then each modality's sequence attends ({@link CrossModalLayer}: queries from the target, keys and
 * values from the concatenation along time of the other modalities' encoded sequences, missing steps
 * masked) and the per-modality outputs are concatenated per step, projected by Linear(M*d, d) + GELU
 * as the fused per-step representation (with the union mask). Needs at least two modalities.
 */
public final class CrossAttentionFusionBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final CrossAttentionConfig config;
    private final List<ModalityEncoder> encoders = new ArrayList<>();
    private final List<List<CrossModalLayer>> crossLayers = new ArrayList<>();
    private final Linear fusionProjection;

    /** A cross-attention model for {@code spec}, which must list at least two modalities. */
    public CrossAttentionFusionBlock(CrossAttentionConfig config, ModelSpec spec) {
        super(VERSION);
        if (spec.modalities().size() < 2) {
            throw new IllegalArgumentException(CrossAttentionProvider.NAME + " needs at least two modalities, the spec lists "
                    + spec.keys() + "; use early-fusion for a unimodal baseline");
        }
        this.spec = spec;
        this.config = config;
        for (int i = 0; i < spec.modalities().size(); i++) {
            String key = spec.modalities().get(i).key();
            encoders.add(addChildBlock(key + "Encoder", new ModalityEncoder(config.encoder())));
            List<CrossModalLayer> layers = new ArrayList<>();
            for (int l = 0; l < config.crossLayers(); l++) {
                layers.add(addChildBlock(key + "Cross" + l, new CrossModalLayer(config.encoder(), config.window())));
            }
            crossLayers.add(layers);
        }
        fusionProjection = addChildBlock("fusionProjection", Linear.builder().setUnits(config.dModel()).build());
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(CrossAttentionProvider.NAME, spec, inputs);
        int m = encoders.size();
        List<NDArray> encoded = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            NDList encoderInput = new NDList(in.features().get(i), in.masks().get(i));
            encoded.add(encoders.get(i).forward(ps, encoderInput, training).singletonOrThrow());
        }
        NDList attended = new NDList();
        for (int target = 0; target < m; target++) {
            NDList sources = new NDList();
            NDList sourceMasks = new NDList();
            for (int s = 0; s < m; s++) {
                if (s != target) {
                    sources.add(encoded.get(s));
                    sourceMasks.add(in.masks().get(s));
                }
            }
            NDArray source = NDArrays.concat(sources, 1);
            NDArray sourceMask = NDArrays.concat(sourceMasks, 1);
            NDArray h = encoded.get(target);
            for (CrossModalLayer layer : crossLayers.get(target)) {
                h = layer.forward(ps, new NDList(h, source, sourceMask), training).singletonOrThrow();
            }
            attended.add(h);
        }
        NDArray fused = fusionProjection.forward(ps, new NDList(NDArrays.concat(attended, 2)), training).singletonOrThrow();
        fused = Activation.gelu(fused);
        return FusedOutput.ofSteps(fused, in.unionMask());
    }

    @Override
    public int stepWidth() {
        return config.dModel();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        int m = encoders.size();
        Shape hidden = new Shape(b, t, config.dModel());
        Shape sources = new Shape(b, t * (m - 1), config.dModel());
        Shape sourceMask = new Shape(b, t * (m - 1));
        for (int i = 0; i < m; i++) {
            encoders.get(i).initialize(manager, dataType, inputShapes[2 * i], inputShapes[2 * i + 1]);
            for (CrossModalLayer layer : crossLayers.get(i)) {
                layer.initialize(manager, dataType, hidden, sources, sourceMask);
            }
        }
        fusionProjection.initialize(manager, dataType, new Shape(b, t, (long) m * config.dModel()));
    }
}
