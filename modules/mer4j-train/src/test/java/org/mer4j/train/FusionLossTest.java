package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class FusionLossTest {

    @Test
    void weightsPositivesMasksPaddingAndAddsWeightedEmotionCrossEntropy() {
        try (NDManager m = NDManager.newBaseManager()) {
            // one clip, 3 steps, the last padded; logits 0 everywhere -> every frame term is ln 2 (times pos weight if A/H)
            NDList predictions = new NDList(m.create(new float[] {0, 0, 50}, new Shape(1, 3)),
                    m.create(new float[] {0, 0, 0, 0}, new Shape(1, 4)));
            NDList labels = new NDList(m.create(new float[] {1, 0, 0}, new Shape(1, 3)), m.create(new float[] {1, 1, 0}, new Shape(1, 3)),
                    m.create(new float[] {0, 0, 1, 0}, new Shape(1, 4)), m.create(new float[] {1}, new Shape(1)));
            double ln2 = Math.log(2);
            double frame = (3 * ln2 + ln2) / 2;
            double emotion = Math.log(4);
            float value = new FusionLoss(3.0, 1.0, 0.5).evaluate(labels, predictions).getFloat();
            assertEquals(frame + 0.5 * emotion, value, 1e-5);
            // an unlabelled clip contributes no emotion loss
            labels.set(3, m.create(new float[] {0}, new Shape(1)));
            assertEquals(frame, new FusionLoss(3.0, 1.0, 0.5).evaluate(labels, predictions).getFloat(), 1e-5);
        }
    }

    @Test
    void largeLogitsStayFinite() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList predictions = new NDList(m.create(new float[] {-200, 200}, new Shape(1, 2)), m.create(new float[] {0, 0}, new Shape(1, 2)));
            NDList labels = new NDList(m.create(new float[] {1, 0}, new Shape(1, 2)), m.create(new float[] {1, 1}, new Shape(1, 2)),
                    m.create(new float[] {1, 0}, new Shape(1, 2)), m.create(new float[] {0}, new Shape(1)));
            // both frames are wrong by 200: loss = (200 * 1 + 200) / 2
            assertEquals(200.0, new FusionLoss(1.0, 1.0, 0.5).evaluate(labels, predictions).getFloat(), 1e-3);
        }
    }
}
