package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.Modality;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.layers.AttentionMasks;
import org.mer4j.models.layers.EncoderLayer;
import org.mer4j.models.layers.ModalityEncoder;

/**
 * Leader-follower attentive fusion, LFAN (Zhang, Ding, Wei, Guan 2021, "Continuous Emotion
 * Recognition with Audio-visual Leader-follower Attentive Fusion", ICCV Workshops (ABAW2); the first
 * model of Zhang, Zhao, Guan 2023, "Multimodal Continuous Emotion Recognition: A Technical Report for
 * ABAW5", CVPR Workshops; a fusion baseline of the BAH corpus, Belharbi et al. 2025):
 * <ol>
 *   <li>every modality is encoded by its own {@link ModalityEncoder};</li>
 *   <li>at every step the followers attend to the leader's token and to each other's
 *       ({@link LfanFollowerAttention}), giving one follower summary per step;</li>
 *   <li>the leader's encoded step is concatenated with that summary (the leader anchors the fusion:
 *       its representation passes unattended), projected to dModel and encoded by
 *       {@link LfanConfig#fusionLayers()} {@link EncoderLayer}s over the union mask: the per-step
 *       representation.</li>
 * </ol>
 * The leader is {@link LfanConfig#leader()}, by default the first modality of the spec (video in
 * the paper, where audio follows).
 *
 * <p>Where mer4j differs from the paper: the modality encoders are Transformers (the paper uses
 * TCNs on pretrained CNN / VGGish features), the inter-modal attention shares one multi-head
 * projection across modalities (the authors' code projects each modality separately) and only the
 * followers query (their code lets every modality query and keeps all results), a missing modality is
 * masked out of the attention, and the small encoder replaces the paper's direct regressor (with
 * {@code fusionLayers: 0} it is a linear projection). Needs at least two modalities.
 */
public final class LfanBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final LfanConfig config;
    /** Spec indices, the leader first, then the followers in spec order. */
    private final int[] order;
    private final List<ModalityEncoder> encoders = new ArrayList<>();
    private final LfanFollowerAttention followerAttention;
    private final Linear fusionProjection;
    private final List<EncoderLayer> fusionLayers = new ArrayList<>();

    /**
     * An LFAN model for {@code spec}.
     *
     * @throws IllegalArgumentException when the spec has fewer than two modalities or lacks the configured leader
     */
    public LfanBlock(LfanConfig config, ModelSpec spec) {
        super(VERSION);
        if (spec.modalities().size() < 2) {
            throw new IllegalArgumentException(LfanProvider.NAME + " needs a leader and at least one follower, the spec lists "
                    + spec.keys() + "; use early-fusion for a unimodal baseline");
        }
        this.spec = spec;
        this.config = config;
        int leader = leaderIndex(config, spec);
        order = new int[spec.modalities().size()];
        order[0] = leader;
        for (int i = 0, next = 1; i < order.length; i++) {
            if (i != leader) {
                order[next++] = i;
            }
        }
        for (String key : spec.keys()) {
            encoders.add(addChildBlock(key + "Encoder", new ModalityEncoder(config.encoder())));
        }
        followerAttention = addChildBlock("followerAttention", new LfanFollowerAttention(config));
        fusionProjection = addChildBlock("fusionProjection", Linear.builder().setUnits(config.dModel()).build());
        for (int l = 0; l < config.fusionLayers(); l++) {
            fusionLayers.add(addChildBlock("fusion" + l, new EncoderLayer(config.fusionEncoder())));
        }
    }

    private static int leaderIndex(LfanConfig config, ModelSpec spec) {
        if (config.leader() == null) {
            return 0;
        }
        int index = spec.modalities().indexOf(Modality.parse(config.leader()));
        if (index < 0) {
            throw new IllegalArgumentException("fusion.leader: '" + config.leader() + "' is not a modality of this model (modalities "
                    + spec.keys() + "); choose one of them or leave it out to lead with " + spec.keys().get(0));
        }
        return index;
    }

    /** The leader modality. */
    public Modality leader() {
        return spec.modalities().get(order[0]);
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(LfanProvider.NAME, spec, inputs);
        NDList tokens = new NDList();
        NDList masks = new NDList();
        for (int i : order) {
            NDList x = new NDList(in.features().get(i), in.masks().get(i));
            tokens.add(encoders.get(i).forward(ps, x, training).singletonOrThrow());
            masks.add(in.masks().get(i));
        }
        NDArray leader = tokens.get(0);
        NDList stacked = new NDList(NDArrays.stack(tokens, 2), NDArrays.stack(masks, 2));
        NDArray summary = followerAttention.forward(ps, stacked, training).singletonOrThrow();
        NDArray anchored = NDArrays.concat(new NDList(leader, summary), 2);
        NDArray h = fusionProjection.forward(ps, new NDList(anchored), training).singletonOrThrow();
        NDArray union = in.unionMask();
        if (!fusionLayers.isEmpty()) {
            NDArray attentionMask = AttentionMasks.selfAttention(union);
            for (EncoderLayer layer : fusionLayers) {
                h = layer.forward(ps, new NDList(h, attentionMask), training).singletonOrThrow();
            }
        }
        return FusedOutput.ofSteps(h, union);
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
        for (int i = 0; i < m; i++) {
            encoders.get(i).initialize(manager, dataType, inputShapes[2 * i], inputShapes[2 * i + 1]);
        }
        followerAttention.initialize(manager, dataType, new Shape(b, t, m, config.dModel()), new Shape(b, t, m));
        fusionProjection.initialize(manager, dataType, new Shape(b, t, 2L * config.dModel()));
        Shape hidden = new Shape(b, t, config.dModel());
        for (EncoderLayer layer : fusionLayers) {
            layer.initialize(manager, dataType, hidden, new Shape(b, t, t));
        }
    }
}
