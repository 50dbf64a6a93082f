package org.mer4j.text.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.OnnxRuntimeNatives;

/**
 * The twelve-layer bge-small-en-v1.5 ({@link PretrainedBert#BGE_SMALL_EN_V15}) is a drop-in
 * starting point for fusion {@code minilm}: its tokenizer gives the same word pieces as
 * all-MiniLM-L6-v2's (so the one {@code minilm-pieces} track feeds both), and the DJL encoder built
 * from its ONNX weights computes what ONNX Runtime computes with that file.
 */
class PretrainedBertTest {
    private static final String BGE_TOKENIZER = "bge-small-en-v1.5-tokenizer.json";

    @Test
    void bothEncodersShareTheWordPieceVocabulary() throws Exception {
        try (MiniLmTokenizer minilm = new MiniLmTokenizer(MiniLmModel.resource(MiniLmModel.TOKENIZER_RESOURCE));
             MiniLmTokenizer bge = new MiniLmTokenizer(MiniLmModel.resource(BGE_TOKENIZER, PretrainedBert.BGE_SMALL_EN_V15.artifact()))) {
            assertEquals(minilm.cls(), bge.cls());
            assertEquals(minilm.sep(), bge.sep());
            for (String s : MiniLmEncoderTest.SENTENCES) {
                assertArrayEquals(minilm.encode(MiniLmEncoderTest.words(s)).getIds(), bge.encode(MiniLmEncoderTest.words(s)).getIds(), s);
            }
        }
    }

    @Test
    void bgeHiddenStatesMatchOnnxRuntime() throws Exception {
        PretrainedBert bge = PretrainedBert.BGE_SMALL_EN_V15;
        byte[] model = MiniLmModel.resource(bge.resource(), bge.artifact());
        MiniLmEncoder encoder = new MiniLmEncoder(MiniLmWeights.pretrained(bge), 12, 0.1f, false, 0);
        long[] ids;
        try (MiniLmTokenizer t = new MiniLmTokenizer(MiniLmModel.resource(BGE_TOKENIZER, bge.artifact()))) {
            ids = t.encode(MiniLmEncoderTest.words(MiniLmEncoderTest.SENTENCES.get(2))).getIds();
        }
        int len = ids.length;
        long[] ones = new long[len];
        Arrays.fill(ones, 1);
        float[] expected;
        OnnxRuntimeNatives.prepare();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = {1, len};
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor tIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape);
             OnnxTensor tTypes = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[len]), shape);
             OrtSession.Result r = session.run(Map.of("input_ids", tIds, "attention_mask", tMask, "token_type_ids", tTypes))) {
            expected = ((OnnxTensor) r.get(0)).getFloatBuffer().array();
        }
        float[] got;
        try (NDManager manager = NDManager.newBaseManager()) {
            encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 4), new Shape(1, 4));
            float[] mask = new float[len];
            Arrays.fill(mask, 1f);
            got = encoder.forward(new ParameterStore(manager, false), new NDList(manager.create(ids, new Shape(1, len)),
                    manager.create(mask, new Shape(1, len))), false).singletonOrThrow().toFloatArray();
        }
        assertEquals(len * 384, expected.length);
        assertEquals(expected.length, got.length);
        double worst = 0;
        for (int i = 0; i < got.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - expected[i]));
        }
        assertTrue(worst < 2e-4, "largest difference to ONNX Runtime " + worst);
        // twelve layers: the weights of layer 11 exist and MiniLM-L6's stop at layer 5
        assertTrue(MiniLmWeights.pretrained(bge).containsKey("encoder.layer.11.output.dense.weight"));
        assertTrue(!MiniLmWeights.pretrained().containsKey("encoder.layer.6.output.dense.weight"));
    }

    @Test
    void anUnknownEncoderNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MiniLmFineTuneConfig("roberta-base", null, null, null));
        assertTrue(e.getMessage().contains("roberta-base") && e.getMessage().contains("bge-small-en-v1.5")
                && e.getMessage().contains("all-minilm-l6-v2"), e.getMessage());
        assertEquals(PretrainedBert.ALL_MINILM_L6_V2, MiniLmFineTuneConfig.defaults().pretrained());
    }
}
