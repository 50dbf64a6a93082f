package org.mer4j.models.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.heads.HeadSpec;

class LmfTest {
    private static final ModelSpec SPEC = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO),
            Map.of(Modality.VIDEO, 6, Modality.AUDIO, 3), List.of(HeadSpec.step("ah", 1), HeadSpec.clip("emotion", 3)));
    private static final int D_OUT = 5;
    private static final int RANK = 3;
    private static final int WIDTH = 4;

    /**
     * The low-rank form equals TFN's full form: the outer product Z of [z_v;1] and [z_a;1] times the
     * weight tensor W[j1,j2,k] = sum_i lambda_i Wv^(i)[j1,k] Wa^(i)[j2,k], plus the bias.
     */
    @Test
    void lowRankFusionEqualsTheFullTensorFormWithTheReconstructedWeightTensor() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LmfBlock block = new LmfBlock(new LmfConfig(D_OUT, RANK, WIDTH, 0f), SPEC);
            block.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(SPEC, 2, 4));
            param(block, "fusionBias").set(new float[] {0.1f, -0.2f, 0.3f, 0f, 0.5f});
            NDArray audioMask = manager.ones(new Shape(2, 4));
            audioMask.set(new NDIndex("1, 2:"), 0f);
            NDArray videoMask = manager.ones(new Shape(2, 4));
            videoMask.set(new NDIndex("0, 0"), 0f);
            NDList inputs = new NDList(manager.randomNormal(new Shape(2, 4, 6)), videoMask, manager.randomNormal(new Shape(2, 4, 3)), audioMask);
            NDArray steps = block.fuse(new ParameterStore(manager, false), inputs, false).steps();
            assertEquals(new Shape(2, 4, D_OUT), steps.getShape());

            NDArray zv = augmented(block, "video", inputs.get(0), videoMask);
            NDArray za = augmented(block, "audio", inputs.get(2), audioMask);
            NDArray z = TfnBlock.tensorFusion(List.of(zv, za)); // [2,4,25]
            float[] fv = param(block, "videoFactors_weight").toFloatArray(); // [RANK*D_OUT, WIDTH+1]
            float[] fa = param(block, "audioFactors_weight").toFloatArray();
            float[] lambda = param(block, "rankWeights").toFloatArray();
            int w = WIDTH + 1;
            float[] full = new float[w * w * D_OUT];
            for (int j1 = 0; j1 < w; j1++) {
                for (int j2 = 0; j2 < w; j2++) {
                    for (int k = 0; k < D_OUT; k++) {
                        double sum = 0;
                        for (int i = 0; i < RANK; i++) {
                            sum += lambda[i] * fv[(i * D_OUT + k) * w + j1] * fa[(i * D_OUT + k) * w + j2];
                        }
                        full[(j1 * w + j2) * D_OUT + k] = (float) sum;
                    }
                }
            }
            NDArray expected = z.matMul(manager.create(full, new Shape(w * w, D_OUT))).add(param(block, "fusionBias"));
            assertArrayEquals(expected.toFloatArray(), steps.toFloatArray(), 1e-4f);
        }
    }

    /** Factors start at Glorot's scale for the authors' [r, d+1, dModel] tensor, not DJL's larger Linear default. */
    @Test
    void factorsStartAtTheAuthorsScale() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LmfConfig config = LmfConfig.defaults();
            LmfBlock block = new LmfBlock(config, SPEC);
            block.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(SPEC, 2, 4));
            NDArray factors = param(block, "videoFactors_weight");
            assertEquals(new Shape((long) config.rank() * config.dModel(), config.modalityWidth() + 1), factors.getShape());
            double std = Math.sqrt(factors.pow(2).mean().getFloat());
            double expected = Math.sqrt(2.0 / (config.dModel() * (config.modalityWidth() + 1 + config.rank())));
            assertEquals(expected, std, 0.1 * expected);
        }
    }

    @Test
    void rejectsBadConfigs() {
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> new LmfConfig(32, 0, 16, 0.1f));
        assertTrue(rank.getMessage().startsWith("fusion.rank"), rank.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class, () -> new LmfConfig(32, 4, -1, 0.1f));
        assertTrue(width.getMessage().startsWith("fusion.modalityWidth"), width.getMessage());
    }

    /** [relu(x W^T + b) * mask; 1] from the block's subnetwork parameters. */
    private static NDArray augmented(LmfBlock block, String key, NDArray x, NDArray mask) {
        NDArray weight = param(block, key + "Subnet_projection_weight");
        NDArray bias = param(block, key + "Subnet_projection_bias");
        NDArray h = Activation.relu(x.matMul(weight.transpose()).add(bias)).mul(mask.expandDims(2));
        return NDArrays.concat(new NDList(h, mask.expandDims(2).onesLike()), 2);
    }

    private static NDArray param(LmfBlock block, String name) {
        return ParameterLookup.get(block, name);
    }
}
