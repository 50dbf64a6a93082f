package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mer4j.api.Modality;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.Scalars;
import org.mer4j.models.layers.CrossModalLayer;
import org.mer4j.models.layers.ModalityEncoder;

/**
 * Inconsistency-aware fusion after ATEI: R. Su, C. Xu, X. Wu, F. Xu, X. Chen, L. Wang, N. Yan,
 * "Investigating Acoustic-Textual Emotional Inconsistency Information for Automatic Depression
 * Detection", arXiv:2412.18614, December 2024. The paper captures the mismatch between the acoustic
 * and the textual emotional expression with multimodal cross-attention and fuses this
 * inconsistency information with the acoustic and textual features in a Transformer, with a
 * scaling of the inconsistency features during fusion.
 *
 * <p><b>What this block computes.</b> Every modality of the spec is encoded by its own
 * {@link ModalityEncoder} ({@code <key>Encoder}). For the two modalities of
 * {@link AteiConfig#pairFor the pair} (a, t) two {@link CrossModalLayer}s attend both ways
 * ({@code <a>From<T>}: a ← t, and {@code <t>From<A>}: t ← a; missing steps masked as keys, optional
 * band {@code window}). Since a cross-modal layer adds its own residual, norm and feed-forward, a
 * sequence is compared with what it finds in the other <i>through the same layer</i>: with
 * {@code a_self = L_a(a ← a)} and {@code a_cross = L_a(a ← t)} (likewise for t), the explicit
 * mismatch features per step are
 * {@code [a_self − a_cross, t_self − t_cross, a_self ⊙ a_cross, t_self ⊙ t_cross]}, projected
 * Linear(4d, d) ({@code inconsistencyProjection}) and set to zero at steps where either pair member is
 * missing. When the two encoded sequences are identical the differences vanish exactly. This
 * inconsistency branch is multiplied by a learned scalar ({@code inconsistencyScale}, initialised from
 * {@link AteiConfig#inconsistencyScale()}). Per step, the masked encodings of <i>all</i> modalities,
 * the scaled inconsistency branch and the M masks are concatenated into one token
 * ({@code M*d + d + M} wide) and a Transformer encoder over these step tokens ({@code fusionEncoder},
 * masked self-attention over the union mask) gives the per-step representation {@code [B,T,d]}.
 *
 * <p>Auxiliary output {@code mismatch} {@code [B,T]}: the per-step mismatch magnitude as a mean square,
 * {@code (mean_d (a_self − a_cross)² + mean_d (t_self − t_cross)²) / 2}, 0 where either pair member is
 * missing (not a loss; for logging and analysis).
 *
 * <p><b>Where mer4j differs from the paper.</b> The paper works on the utterances of counseling
 * conversations, with emotion representations of the acoustic and textual domains, and is trained for
 * depression detection; here the two "emotion sequences" are the pair's own feature tracks on mer4j's
 * aligned timeline (frames, windows or one step per utterance), encoded and trained end to end with
 * whatever tasks are configured. The explicit difference/product mismatch features, the self-versus-cross
 * comparison through one layer, the fusion of every modality of the spec (not only the pair) and the
 * per-step (rather than conversation-level) output are mer4j's choices; the scaling factor is one learned
 * scalar on the inconsistency branch.
 */
public final class AteiFusionBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final AteiConfig config;
    private final List<Modality> pair;
    private final int first;
    private final int second;
    private final List<ModalityEncoder> encoders = new ArrayList<>();
    private final CrossModalLayer firstFromSecond;
    private final CrossModalLayer secondFromFirst;
    private final Linear inconsistencyProjection;
    private final Parameter inconsistencyScale;
    private final ModalityEncoder fusionEncoder;

    /** An ATEI model for {@code spec}, which must list at least two modalities and contain the configured pair. */
    public AteiFusionBlock(AteiConfig config, ModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.config = config;
        this.pair = config.pairFor(spec);
        this.first = spec.modalities().indexOf(pair.get(0));
        this.second = spec.modalities().indexOf(pair.get(1));
        for (Modality m : spec.modalities()) {
            encoders.add(addChildBlock(m.key() + "Encoder", new ModalityEncoder(config.encoder())));
        }
        String a = pair.get(0).key();
        String t = pair.get(1).key();
        firstFromSecond = addChildBlock(a + "From" + capitalised(t), new CrossModalLayer(config.encoder(), config.window()));
        secondFromFirst = addChildBlock(t + "From" + capitalised(a), new CrossModalLayer(config.encoder(), config.window()));
        inconsistencyProjection = addChildBlock("inconsistencyProjection", Linear.builder().setUnits(config.dModel()).build());
        inconsistencyScale = addParameter(Parameter.builder().setName("inconsistencyScale").setType(Parameter.Type.WEIGHT)
                .optInitializer(new ConstantInitializer(config.inconsistencyScale())).optShape(new Shape(1)).build());
        fusionEncoder = addChildBlock("fusionEncoder", new ModalityEncoder(config.fusionEncoder()));
    }

    private static String capitalised(String key) {
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    /** The two modalities whose inconsistency is modelled, in the order (a, t). */
    public List<Modality> pair() {
        return pair;
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(AteiProvider.NAME, spec, inputs);
        int m = encoders.size();
        List<NDArray> encoded = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            encoded.add(encoders.get(i).forward(ps, new NDList(in.features().get(i), in.masks().get(i)), training).singletonOrThrow());
        }
        NDArray a = encoded.get(first);
        NDArray t = encoded.get(second);
        NDArray aMask = in.masks().get(first);
        NDArray tMask = in.masks().get(second);
        NDArray aSelf = firstFromSecond.forward(ps, new NDList(a, a, aMask), training).singletonOrThrow();
        NDArray aCross = firstFromSecond.forward(ps, new NDList(a, t, tMask), training).singletonOrThrow();
        NDArray tSelf = secondFromFirst.forward(ps, new NDList(t, t, tMask), training).singletonOrThrow();
        NDArray tCross = secondFromFirst.forward(ps, new NDList(t, a, aMask), training).singletonOrThrow();
        NDArray aDiff = aSelf.sub(aCross);
        NDArray tDiff = tSelf.sub(tCross);
        NDArray both = aMask.mul(tMask);

        NDArray mismatchFeatures = NDArrays.concat(new NDList(aDiff, tDiff, aSelf.mul(aCross), tSelf.mul(tCross)), 2);
        NDArray inconsistency = inconsistencyProjection.forward(ps, new NDList(mismatchFeatures), training).singletonOrThrow();
        NDArray scale = ps.getValue(inconsistencyScale, inconsistency.getDevice(), training);
        inconsistency = inconsistency.mul(both.expandDims(2)).mul(scale);

        NDList tokenParts = new NDList();
        for (int i = 0; i < m; i++) {
            tokenParts.add(encoded.get(i).mul(in.masks().get(i).expandDims(2)));
        }
        tokenParts.add(inconsistency);
        for (NDArray mask : in.masks()) {
            tokenParts.add(mask.expandDims(2));
        }
        NDArray union = in.unionMask();
        NDArray fused = fusionEncoder.forward(ps, new NDList(NDArrays.concat(tokenParts, 2), union), training).singletonOrThrow();

        NDArray mismatch = Scalars.mul(aDiff.square().mean(new int[] {2}).add(tDiff.square().mean(new int[] {2})), 0.5).mul(both);
        return new FusedOutput(fused, union, null, null, Map.of("mismatch", mismatch));
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
        Shape hidden = new Shape(b, t, config.dModel());
        Shape mask = new Shape(b, t);
        firstFromSecond.initialize(manager, dataType, hidden, hidden, mask);
        secondFromFirst.initialize(manager, dataType, hidden, hidden, mask);
        inconsistencyProjection.initialize(manager, dataType, new Shape(b, t, 4L * config.dModel()));
        fusionEncoder.initialize(manager, dataType, new Shape(b, t, (long) (m + 1) * config.dModel() + m), mask);
    }
}
