package org.mer4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.models.fusion.PooledMlpConfig;
import org.mer4j.models.fusion.PooledMlpProvider;

class PooledMlpTest {
    private static final ModelSpec SPEC = SyntheticTensors.SPEC;

    @Test
    void linearModelIsAffineInTheFeaturesAndRoundTrips() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block linear = build(manager);
            SyntheticTensors data = SyntheticTensors.create(manager, 3, 4, 2, 5);
            NDArray emotion = forward(linear, manager, data.inputs).get(1);
            // the linear model's emotion logits are affine in the features: f(2x) - f(x) = f(x) - f(0)
            NDArray e2 = forward(linear, manager, scaled(data.inputs, 2f)).get(1);
            NDArray e0 = forward(linear, manager, scaled(data.inputs, 0f)).get(1);
            assertArrayEquals(e2.sub(emotion).toFloatArray(), emotion.sub(e0).toFloatArray(), 1e-4f);

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream os = new DataOutputStream(bytes)) {
                linear.saveParameters(os);
            }
            Block copy = build(manager);
            try (DataInputStream is = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy.loadParameters(manager, is);
            }
            assertArrayEquals(emotion.toFloatArray(), forward(copy, manager, data.inputs).get(1).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void rejectsBadWidths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PooledMlpConfig(List.of(0), 0f));
        assertTrue(e.getMessage().contains("fusion.hidden"), e.getMessage());
    }

    private static Block build(NDManager manager) {
        Block b = new TaskModel(SPEC, new PooledMlpProvider().build(new PooledMlpConfig(List.of(), 0f), SPEC));
        b.initialize(manager, DataType.FLOAT32, FusionInputs.initShapes(SPEC, 2, 5));
        return b;
    }

    private static NDList forward(Block block, NDManager manager, NDList inputs) {
        return block.forward(new ParameterStore(manager, false), inputs, false);
    }

    /** Features multiplied by {@code k}, masks unchanged. */
    private static NDList scaled(NDList inputs, float k) {
        NDList out = new NDList();
        for (int i = 0; i < inputs.size(); i++) {
            out.add(i % 2 == 0 ? inputs.get(i).mul(k) : inputs.get(i));
        }
        return out;
    }
}
