package org.mer4j.models.fusion;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mer4j.api.Modality;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.heads.HeadSpec;

/** Specs, random block inputs and forward helpers shared by the tests of the attention fusion models. */
final class AttentionFusionTestInputs {
    private static final Map<Modality, Integer> DIMS = Map.of(Modality.VIDEO, 6, Modality.AUDIO, 3, Modality.TEXT, 5);

    private AttentionFusionTestInputs() {
    }

    /** A spec over {@code modalities} (video 6, audio 3, text 5 features) with a step and a clip head. */
    static ModelSpec spec(Modality... modalities) {
        Map<Modality, Integer> dims = new LinkedHashMap<>();
        for (Modality m : modalities) {
            dims.put(m, DIMS.get(m));
        }
        return new ModelSpec(List.of(modalities), dims, List.of(HeadSpec.step("ah", 1), HeadSpec.clip("emotion", 3)));
    }

    /** Gaussian features and all-valid masks for {@code spec}, {@code (x_1, mask_1, ...)}. */
    static NDList inputs(NDManager manager, ModelSpec spec, int batch, int steps, long seed) {
        Random rng = new Random(seed);
        NDList out = new NDList();
        for (Modality m : spec.modalities()) {
            int d = spec.dim(m);
            float[] x = new float[batch * steps * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            out.add(manager.create(x, new Shape(batch, steps, d)));
            out.add(manager.ones(new Shape(batch, steps)));
        }
        return out;
    }

    /** {@code block} initialised (seeded) for {@code spec}. */
    static <B extends Block> B initialised(B block, NDManager manager, ModelSpec spec, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        block.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(spec, 2, 5));
        return block;
    }

    /** Inference-mode fusion. */
    static FusedOutput fuse(FusionBlock block, NDManager manager, NDList inputs) {
        return block.fuse(new ParameterStore(manager, false), inputs, false);
    }

    /** A copy of {@code inputs} where modality {@code modality} is missing at steps {@code [from, to)} of clip {@code clip}. */
    static NDList masked(NDList inputs, int modality, int clip, int from, int to) {
        return edited(inputs, 2 * modality + 1, new NDIndex(clip + ", " + from + ":" + to), 0f);
    }

    /** A copy of {@code inputs} where modality {@code modality}'s features are {@code value} at steps {@code [from, to)} of clip {@code clip}. */
    static NDList overwritten(NDList inputs, int modality, int clip, int from, int to, float value) {
        return edited(inputs, 2 * modality, new NDIndex(clip + ", " + from + ":" + to + ", :"), value);
    }

    private static NDList edited(NDList inputs, int input, NDIndex index, float value) {
        NDList out = new NDList();
        for (int i = 0; i < inputs.size(); i++) {
            NDArray a = inputs.get(i);
            if (i == input) {
                a = a.duplicate();
                a.set(index, value);
            }
            out.add(a);
        }
        return out;
    }

    /** Whether two arrays differ by more than {@code tolerance} somewhere. */
    static boolean differ(NDArray a, NDArray b, float tolerance) {
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        if (x.length != y.length) {
            return true;
        }
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i] - y[i]) > tolerance) {
                return true;
            }
        }
        return false;
    }

    /** The names of {@code block}'s direct children, without the position prefix DJL gives them. */
    static List<String> childNames(Block block) {
        return block.getChildren().keys().stream().map(AttentionFusionTestInputs::unprefixed).toList();
    }

    /** The direct child of {@code block} added as {@code name}. */
    static Block child(Block block, String name) {
        return block.getChildren().stream().filter(e -> unprefixed(e.getKey()).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no child " + name + " in " + childNames(block))).getValue();
    }

    private static String unprefixed(String key) {
        return key.replaceFirst("^\\d+", "");
    }
}
