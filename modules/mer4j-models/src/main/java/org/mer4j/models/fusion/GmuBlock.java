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
import java.util.Map;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.layers.MaskedSoftmax;
import org.mer4j.models.layers.ModalityEncoder;

/**
 * Gated Multimodal Unit (Arevalo, Solorio, Montes-y-Gómez, González 2017, "Gated Multimodal Units
 * for Information Fusion", ICLR workshop track). Per step, each modality's input {@code x_m} (its
 * masked features, or with {@code encoderLayers > 0} the output of its own {@link ModalityEncoder})
 * gives a hidden {@code h_m = tanh(W_m x_m)} of width {@code dModel}; a gate {@code W_z} reads all
 * inputs together, {@code z = softmax_m(W_z [x_1; ...; x_M])}, and the unit outputs
 * {@code sum_m z_m h_m} (then dropout), with the union mask. Modalities masked at a step are left
 * out of the softmax there, so the present ones share the whole weight and a step without any
 * modality outputs 0. The gates {@code [B,T,M]} are returned as the auxiliary output {@code gate}.
 *
 * <p>Where it differs from the paper: the paper's bimodal unit has one sigmoid gate per hidden unit,
 * {@code h = z * h_1 + (1 - z) * h_2}; mer4j generalises it to {@code M} modalities with one softmax
 * weight per modality and step (the sigmoid is the two-modality case of the softmax, up to the
 * per-unit granularity), which makes the gate readable as modality weights and lets missing
 * modalities be excluded. The paper fuses one vector per sample; mer4j fuses every step of the
 * aligned timeline (steps see each other only through the optional encoders).
 */
public final class GmuBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;
    /** Name of the auxiliary output holding the gate weights {@code [B,T,M]}. */
    public static final String GATE = "gate";

    private final ModelSpec spec;
    private final GmuConfig config;
    private final List<ModalityEncoder> encoders = new ArrayList<>();
    private final List<Linear> projections = new ArrayList<>();
    private final Linear gate;
    private final Dropout outputDropout;

    /** A GMU for {@code spec}. */
    public GmuBlock(GmuConfig config, ModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.config = config;
        for (int i = 0; i < spec.modalities().size(); i++) {
            String key = spec.modalities().get(i).key();
            if (config.encoderLayers() > 0) {
                encoders.add(addChildBlock(key + "Encoder", new ModalityEncoder(config.encoder())));
            }
            projections.add(addChildBlock(key + "Projection", Linear.builder().setUnits(config.dModel()).build()));
        }
        gate = addChildBlock("gate", Linear.builder().setUnits(spec.modalities().size()).build());
        outputDropout = addChildBlock("outputDropout", Dropout.builder().optRate(config.dropout()).build());
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(GmuProvider.NAME, spec, inputs);
        int m = projections.size();
        NDList unitInputs = new NDList(m);
        NDList hidden = new NDList(m);
        for (int i = 0; i < m; i++) {
            NDArray x = in.features().get(i);
            NDArray mask = in.masks().get(i);
            if (!encoders.isEmpty()) {
                x = encoders.get(i).forward(ps, new NDList(x, mask), training).singletonOrThrow();
            }
            x = x.mul(mask.expandDims(2));
            unitInputs.add(x);
            hidden.add(projections.get(i).forward(ps, new NDList(x), training).singletonOrThrow().tanh());
        }
        NDArray gateLogits = gate.forward(ps, new NDList(NDArrays.concat(unitInputs, 2)), training).singletonOrThrow();
        NDArray z = MaskedSoftmax.apply(gateLogits, NDArrays.stack(new NDList(in.masks()), 2), 2);
        NDArray fused = NDArrays.stack(hidden, 2).mul(z.expandDims(3)).sum(new int[] {2});
        fused = outputDropout.forward(ps, new NDList(fused), training).singletonOrThrow();
        return new FusedOutput(fused, in.unionMask(), null, null, Map.of(GATE, z));
    }

    @Override
    public int stepWidth() {
        return config.dModel();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        long gateWidth = 0;
        for (int i = 0; i < projections.size(); i++) {
            Shape x = inputShapes[2 * i];
            if (!encoders.isEmpty()) {
                encoders.get(i).initialize(manager, dataType, x, inputShapes[2 * i + 1]);
                x = new Shape(b, t, config.dModel());
            }
            projections.get(i).initialize(manager, dataType, x);
            gateWidth += x.get(2);
        }
        gate.initialize(manager, dataType, new Shape(b, t, gateWidth));
        outputDropout.initialize(manager, dataType, new Shape(b, t, config.dModel()));
    }
}
