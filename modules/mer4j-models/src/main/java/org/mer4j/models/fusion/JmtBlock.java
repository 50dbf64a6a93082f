package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
 * The joint multimodal transformer, JMT (Waligora, Aslam, Zeeshan, Belharbi, Koerich, Pedersoli,
 * Bacon, Granger 2024, "Joint Multimodal Transformer for Emotion Recognition in the Wild", CVPR
 * Workshops):
 * <ol>
 *   <li>every modality is encoded by its own {@link ModalityEncoder}: {@code E_m [B,T,d]};</li>
 *   <li>the joint branch: the per-step concatenation of all {@code E_m} (zeroed where missing) is
 *       projected to d and encoded by its own transformer (a {@link ModalityEncoder} of
 *       {@link JmtConfig#jointLayers()} layers over the union mask): {@code J [B,T,d]};</li>
 *   <li>cross-attention branches ({@link JmtConfig#crossLayers()} {@link CrossModalLayer}s each): for
 *       every ordered pair of modalities target ← source, and for every modality ← joint, the joint
 *       tokens being an additional key/value source;</li>
 *   <li>the {@code M(M-1)} pairwise branches, the {@code M} joint-source branches and {@code J}
 *       itself are fused at every step by a learned attention over the branches
 *       ({@link JmtBranchAttention}): the per-step representation, with the union mask.</li>
 * </ol>
 * Branch order: per target in spec order, its source modalities in spec order, then the joint;
 * last the joint branch itself ({@code M*M+1} branches).
 *
 * <p>Where mer4j differs from the paper: the modality backbones are mer4j's Transformer encoders on
 * pre-extracted features (the paper: pretrained visual and audio/biosignal networks), the layers are
 * mer4j's post-norm cross-modal layers with an always-valid null key, missing steps are masked out of
 * every attention, the joint tokens serve only as keys and values (they do not query the
 * modalities), and the branch outputs are combined by a per-step attention instead of the paper's
 * concatenation and fully-connected layers. Needs at least two modalities.
 */
public final class JmtBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final JmtConfig config;
    private final List<ModalityEncoder> encoders = new ArrayList<>();
    private final ModalityEncoder jointEncoder;
    /** Per target, per source (the other modalities in spec order, then the joint), the layers. */
    private final List<List<List<CrossModalLayer>>> branches = new ArrayList<>();
    private final JmtBranchAttention branchAttention;

    /** A JMT model for {@code spec}, which must list at least two modalities. */
    public JmtBlock(JmtConfig config, ModelSpec spec) {
        super(VERSION);
        int m = spec.modalities().size();
        if (m < 2) {
            throw new IllegalArgumentException(JmtProvider.NAME + " needs at least two modalities, the spec lists " + spec.keys()
                    + "; use early-fusion for a unimodal baseline");
        }
        this.spec = spec;
        this.config = config;
        List<String> keys = spec.keys();
        for (String key : keys) {
            encoders.add(addChildBlock(key + "Encoder", new ModalityEncoder(config.encoder())));
        }
        jointEncoder = addChildBlock("jointEncoder", new ModalityEncoder(config.jointEncoder()));
        for (int target = 0; target < m; target++) {
            List<List<CrossModalLayer>> bySource = new ArrayList<>();
            for (int source = 0; source <= m; source++) {
                if (source == target) {
                    continue;
                }
                String from = source == m ? "Joint" : MultBlock.capitalised(keys.get(source));
                List<CrossModalLayer> layers = new ArrayList<>();
                for (int l = 0; l < config.crossLayers(); l++) {
                    layers.add(addChildBlock(keys.get(target) + "From" + from + "Cross" + l, new CrossModalLayer(config.encoder())));
                }
                bySource.add(layers);
            }
            branches.add(bySource);
        }
        branchAttention = addChildBlock("branchAttention", new JmtBranchAttention(config.dModel()));
    }

    /** Number of fused branches for M modalities: {@code M(M-1)} pairwise, M from the joint, the joint itself. */
    static int branchCount(int modalities) {
        return modalities * modalities + 1;
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(JmtProvider.NAME, spec, inputs);
        int m = encoders.size();
        List<NDArray> encoded = new ArrayList<>(m);
        NDList maskedParts = new NDList();
        for (int i = 0; i < m; i++) {
            NDArray mask = in.masks().get(i);
            NDArray h = encoders.get(i).forward(ps, new NDList(in.features().get(i), mask), training).singletonOrThrow();
            encoded.add(h);
            maskedParts.add(h.mul(mask.expandDims(2)));
        }
        NDArray union = in.unionMask();
        NDArray joint = jointEncoder.forward(ps, new NDList(NDArrays.concat(maskedParts, 2), union), training).singletonOrThrow();
        NDList outputs = new NDList();
        for (int target = 0; target < m; target++) {
            int next = 0;
            for (int source = 0; source <= m; source++) {
                if (source == target) {
                    continue;
                }
                NDArray keys = source == m ? joint : encoded.get(source);
                NDArray keyMask = source == m ? union : in.masks().get(source);
                NDArray z = encoded.get(target);
                for (CrossModalLayer layer : branches.get(target).get(next)) {
                    z = layer.forward(ps, new NDList(z, keys, keyMask), training).singletonOrThrow();
                }
                outputs.add(z);
                next++;
            }
        }
        outputs.add(joint);
        NDList fused = branchAttention.forward(ps, new NDList(NDArrays.stack(outputs, 2)), training);
        return FusedOutput.ofSteps(fused.get(0), union);
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
        Shape stepMask = new Shape(b, t);
        for (int i = 0; i < m; i++) {
            encoders.get(i).initialize(manager, dataType, inputShapes[2 * i], inputShapes[2 * i + 1]);
            for (List<CrossModalLayer> layers : branches.get(i)) {
                for (CrossModalLayer layer : layers) {
                    layer.initialize(manager, dataType, hidden, hidden, stepMask);
                }
            }
        }
        jointEncoder.initialize(manager, dataType, new Shape(b, t, (long) m * config.dModel()), stepMask);
        branchAttention.initialize(manager, dataType, new Shape(b, t, branchCount(m), config.dModel()));
    }
}
