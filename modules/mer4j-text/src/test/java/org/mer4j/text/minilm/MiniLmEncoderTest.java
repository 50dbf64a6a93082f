package org.mer4j.text.minilm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Modality;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.heads.HeadSpec;

/**
 * The trainable DJL copy of all-MiniLM-L6-v2 ({@link MiniLmEncoder}, fusion model {@code minilm})
 * computes what ONNX Runtime computes with the same file: token hidden states and the mean-pooled
 * sentence vector of a padded batch agree to float32 rounding.
 */
class MiniLmEncoderTest {
    static final List<String> SENTENCES = List.of("Oh my God, I can't believe you did that!", "Okay.",
            "So what are we gonna do about the apartment tomorrow morning, Joey?");
    static MiniLmModel onnx;
    static MiniLmPiecesExtractor pieces;
    static NDManager manager;

    @BeforeAll
    static void load() throws Exception {
        onnx = new MiniLmModel(256, 8, 1, null);
        pieces = new MiniLmPiecesExtractor(new MiniLmPiecesConfig(30, null));
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        onnx.close();
        pieces.close();
        manager.close();
    }

    static List<String> words(String sentence) {
        return Arrays.asList(sentence.split(" "));
    }

    @Test
    void specialTokensAreThoseOfTheTokenizer() throws Exception {
        try (MiniLmTokenizer t = new MiniLmTokenizer(MiniLmModel.resource(MiniLmModel.TOKENIZER_RESOURCE))) {
            assertEquals(MiniLmFineTuneBlock.CLS, t.cls());
            assertEquals(MiniLmFineTuneBlock.SEP, t.sep());
        }
    }

    @Test
    void onnxWeightsHaveTheirPyTorchNamesAndShapes() {
        Map<String, OnnxWeights.Tensor> w = MiniLmWeights.pretrained();
        assertEquals(List.of(30522L, 384L), boxed(w.get("embeddings.word_embeddings.weight").dims()));
        // Linear weights come from the MatMul nodes, in the [in, out] layout
        assertEquals(List.of(384L, 1536L), boxed(w.get("encoder.layer.5.intermediate.dense.weight").dims()));
        assertEquals(List.of(1536L, 384L), boxed(w.get("encoder.layer.0.output.dense.weight").dims()));
        assertEquals(6 * 16 + 5, w.keySet().stream().filter(k -> k.startsWith("encoder.") || k.startsWith("embeddings.")
                && !k.equals("embeddings.position_ids")).count());
    }

    private static List<Long> boxed(long[] dims) {
        return Arrays.stream(dims).boxed().toList();
    }

    @Test
    void tokenHiddenStatesMatchOnnxRuntime() throws Exception {
        MiniLmEncoder encoder = new MiniLmEncoder(MiniLmWeights.pretrained(), 12, 0.1f, false, 0);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 4), new Shape(1, 4));
        List<MiniLmModel.Encoded> expected = onnx.encode(SENTENCES.stream().map(MiniLmEncoderTest::words).toList());
        int len = expected.stream().mapToInt(MiniLmModel.Encoded::tokens).max().orElseThrow();
        long[] ids = new long[SENTENCES.size() * len];
        float[] mask = new float[ids.length];
        for (int i = 0; i < SENTENCES.size(); i++) {
            float[] row = pieces.track(MiniLmExtractorTest.timed(SENTENCES.get(i))).row(0);
            int n = expected.get(i).tokens() - 2;
            ids[i * len] = MiniLmFineTuneBlock.CLS;
            for (int k = 0; k < n; k++) {
                ids[i * len + 1 + k] = (long) row[k];
            }
            ids[i * len + n + 1] = MiniLmFineTuneBlock.SEP;
            Arrays.fill(mask, i * len, i * len + n + 2, 1f);
        }
        NDArray hidden = encoder.forward(new ParameterStore(manager, false), new NDList(manager.create(ids, new Shape(SENTENCES.size(), len)),
                manager.create(mask, new Shape(SENTENCES.size(), len))), false).singletonOrThrow();
        float[] got = hidden.toFloatArray();
        double worst = 0;
        for (int i = 0; i < SENTENCES.size(); i++) {
            MiniLmModel.Encoded e = expected.get(i);
            for (int t = 0; t < e.tokens(); t++) {
                for (int d = 0; d < MiniLmModel.DIM; d++) {
                    worst = Math.max(worst, Math.abs(got[(i * len + t) * MiniLmModel.DIM + d] - e.get(t, d)));
                }
            }
        }
        assertTrue(worst < 2e-4, "largest difference to ONNX Runtime " + worst);
    }

    @Test
    void pooledSentenceVectorOfAPaddedBatchMatchesOnnxRuntime() throws Exception {
        int width = pieces.config().maxPieces();
        ModelSpec spec = new ModelSpec(List.of(Modality.TEXT), Map.of(Modality.TEXT, width), List.of(HeadSpec.clip("emotion", 7)));
        MiniLmFineTuneBlock block = new MiniLmFineTuneBlock(MiniLmFineTuneConfig.defaults(), spec);
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 1, width), new Shape(2, 1));
        // an empty transcript in the batch: [CLS] [SEP] only, and the others unchanged by its padding
        List<String> batch = List.of(SENTENCES.get(0), SENTENCES.get(1), SENTENCES.get(2), "");
        float[] x = new float[batch.size() * width];
        for (int i = 0; i < batch.size(); i++) {
            FeatureTrack t = pieces.track(batch.get(i).isEmpty() ? List.of() : MiniLmExtractorTest.timed(batch.get(i)));
            System.arraycopy(t.row(0), 0, x, i * width, width);
        }
        NDArray pooled = block.fuse(new ParameterStore(manager, false), new NDList(manager.create(x, new Shape(batch.size(), 1, width)),
                manager.ones(new Shape(batch.size(), 1))), false).pooled();
        assertEquals(new Shape(batch.size(), MiniLmModel.DIM), pooled.getShape());
        float[] got = pooled.toFloatArray();
        for (int i = 0; i < SENTENCES.size(); i++) {
            MiniLmModel.Encoded e = onnx.encode(List.of(words(SENTENCES.get(i)))).get(0);
            float[] unit = MiniLmModel.sentenceEmbedding(e);
            double norm = 0;
            for (int d = 0; d < MiniLmModel.DIM; d++) {
                norm += got[i * MiniLmModel.DIM + d] * (double) got[i * MiniLmModel.DIM + d];
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < MiniLmModel.DIM; d++) {
                assertEquals(unit[d], got[i * MiniLmModel.DIM + d] / norm, 1e-5, "sentence " + i + " dim " + d);
            }
        }
    }

    @Test
    void frozenLayersKeepTheirWeightsAndTheLayersAboveLearn() {
        MiniLmEncoder encoder = new MiniLmEncoder(MiniLmWeights.pretrained(), 12, 0f, false, 2);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 4), new Shape(1, 4));
        for (var p : encoder.getParameters()) {
            boolean frozen = p.getKey().startsWith("encoder_layer_0_") || p.getKey().startsWith("encoder_layer_1_")
                    || p.getKey().startsWith("embeddings_");
            assertEquals(!frozen, p.getValue().requiresGradient(), p.getKey());
        }
        try (NDManager step = manager.newSubManager();
             ai.djl.training.GradientCollector collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray hidden = encoder.forward(new ParameterStore(step, false), new NDList(step.create(new long[] {101, 7592, 2088, 102},
                    new Shape(1, 4)), step.ones(new Shape(1, 4))), true).singletonOrThrow();
            collector.backward(hidden.sum());
            NDArray top = encoder.getParameters().get("encoder_layer_5_output_dense_weight").getArray().getGradient();
            NDArray low = encoder.getParameters().get("encoder_layer_2_attention_self_query_weight").getArray().getGradient();
            assertTrue(top.abs().sum().getFloat() > 0 && low.abs().sum().getFloat() > 0, "the trained layers get gradients");
        }
        assertThrows(IllegalArgumentException.class, () -> new MiniLmEncoder(MiniLmWeights.pretrained(), 12, 0f, false, 6));
        assertThrows(IllegalArgumentException.class, () -> new MiniLmEncoder(MiniLmWeights.pretrained(), 12, 0f, true, 1));
    }

    @Test
    void rejectsRowsWithOtherModalities() {
        ModelSpec spec = new ModelSpec(List.of(Modality.AUDIO, Modality.TEXT), Map.of(Modality.AUDIO, 3, Modality.TEXT, 30),
                List.of(HeadSpec.clip("emotion", 7)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MiniLmFineTuneBlock(MiniLmFineTuneConfig.defaults(), spec));
        assertTrue(e.getMessage().contains("text only"), e.getMessage());
    }
}
