package org.mer4j.text.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.TimedWord;

/**
 * The pretrained all-MiniLM-L6-v2 encoder from the Maven Central jar: unit-norm utterance rows,
 * determinism, independence of the batch, a semantic check that a broken encoder fails, and word
 * embeddings placed at the words' times.
 */
class MiniLmExtractorTest {
    static MiniLmExtractor utterance;
    static MiniLmExtractor words;

    @BeforeAll
    static void load() {
        utterance = new MiniLmExtractor(MiniLmConfig.defaults());
        words = new MiniLmExtractor(new MiniLmConfig(MiniLmConfig.WORDS, 0.1, 256, 32, 1, null, null));
    }

    @AfterAll
    static void close() {
        utterance.close();
        words.close();
    }

    /** The words of a sentence, 0.3 s each. */
    static List<TimedWord> timed(String sentence) {
        List<TimedWord> out = new ArrayList<>();
        String[] w = sentence.split(" ");
        for (int i = 0; i < w.length; i++) {
            out.add(new TimedWord(w[i], 0.3 * i, 0.3 * (i + 1)));
        }
        return out;
    }

    static float[] embed(String... sentences) throws Exception {
        return utterance.tracks(Stream.of(sentences).map(MiniLmExtractorTest::timed).toList()).get(0).row(0);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * (double) b[i];
        }
        return s;
    }

    static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void utteranceRowsAreOneUnitVectorPerClip() throws Exception {
        List<FeatureTrack> t = utterance.tracks(List.of(timed("I am so happy today!"), timed("The train leaves at noon."), List.of()));
        assertEquals(3, t.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(1, t.get(i).length());
            assertEquals(MiniLmModel.DIM, t.get(i).dim());
            assertEquals(0.0, t.get(i).times()[0]);
            assertTrue(t.get(i).mask()[0]);
            float[] r = t.get(i).row(0);
            assertEquals(1.0, Math.sqrt(dot(r, r)), 1e-5, "L2 norm of utterance " + i);
        }
        assertFalse(t.get(2).mask()[0], "a clip without words has a masked row");
        assertEquals(0.0, Math.sqrt(dot(t.get(2).row(0), t.get(2).row(0))));
        assertTrue(maxDiff(t.get(0).row(0), t.get(1).row(0)) > 0.05, "two different sentences, one embedding");
    }

    @Test
    void sameTextSameEmbeddingWhateverTheBatch() throws Exception {
        List<List<TimedWord>> texts = List.of(timed("Oh my God, you guys are back already?"), timed("No."),
                timed("I told you I would call you when the stupid meeting was over, didn't I?"));
        List<FeatureTrack> first = utterance.tracks(texts);
        List<FeatureTrack> again = utterance.tracks(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(first.get(i).values(), again.get(i).values(), "run-to-run, text " + i);
            float[] alone = utterance.tracks(List.of(texts.get(i))).get(0).row(0);
            assertTrue(maxDiff(alone, first.get(i).row(0)) < 1e-5, "alone vs padded in a batch, text " + i);
        }
        MiniLmExtractor oneByOne = new MiniLmExtractor(new MiniLmConfig(MiniLmConfig.UTTERANCE, 0.1, 256, 1, 1, null, null));
        try {
            assertTrue(maxDiff(oneByOne.tracks(texts).get(2).row(0), first.get(2).row(0)) < 1e-5, "batchSize 1 vs 32");
        } finally {
            oneByOne.close();
        }
    }

    @Test
    void matchesTheReferenceImplementation() throws Exception {
        // the first values of these sentences' embeddings from langchain4j's own AllMiniLmL6V2EmbeddingModel
        // (langchain4j-embeddings 1.19.0-beta29: ONNX Runtime 1.20.0, DJL tokenizers 0.36.0), computed once and recorded
        float[] happy = {-0.01485045f, 0.04707221f, 0.06347107f, -0.009024214f, 0.05717727f, -0.0030883236f, 0.07166434f, -0.027566599f};
        float[] furious = {0.01812379f, 0.020793952f, -0.028874923f, 0.0057847635f, 0.0042118467f, -0.010804148f, 0.035899885f, -0.034667954f};
        assertTrue(maxDiff(happy, java.util.Arrays.copyOf(embed("I am so happy today"), 8)) < 1e-5);
        assertTrue(maxDiff(furious, java.util.Arrays.copyOf(embed("I am furious with you, get out!"), 8)) < 1e-5);
    }

    @Test
    void similarMeaningsAreCloserThanUnrelatedOnes() throws Exception {
        float[] happy = embed("I am so happy today");
        float[] joyful = embed("I feel great and joyful");
        float[] train = embed("The train leaves at noon");
        double close = dot(happy, joyful);
        double far = dot(joyful, train);
        assertTrue(close > far + 0.2, "cos(happy, joyful) = " + close + " should clearly exceed cos(joyful, train) = " + far);
        assertTrue(close > dot(happy, train) + 0.2, "cos(happy, joyful) = " + close + " vs cos(happy, train) = " + dot(happy, train));
        float[] angry = embed("I am furious with you, get out!");
        float[] mad = embed("You make me so angry");
        assertTrue(dot(angry, mad) > dot(angry, happy), "anger sentences closer to each other than to happiness");
    }

    @Test
    void wordEmbeddingsSitAtTheWordTimes() throws Exception {
        List<TimedWord> t = List.of(new TimedWord("I", 0.0, 0.2), new TimedWord("love", 0.3, 0.6), new TimedWord("trains!", 0.6, 1.0));
        FeatureTrack track = words.tracks(List.of(t)).get(0);
        assertEquals(10, track.length());
        assertEquals(MiniLmModel.DIM, track.dim());
        assertEquals(0.3, track.times()[3], 1e-12);
        MiniLmModel.Encoded e = words.load().encode(List.of(List.of("I", "love", "trains!"))).get(0);
        assertEquals(1 + 1 + 1 + 2 + 1, e.tokens(), "[CLS] i love trains ! [SEP]");
        float[][] w = MiniLmModel.wordEmbeddings(e);
        int[] wordAt = {0, 0, -1, 1, 1, 1, 2, 2, 2, 2};
        for (int k = 0; k < wordAt.length; k++) {
            if (wordAt[k] < 0) {
                assertFalse(track.mask()[k], "step " + k + " has no word");
                assertEquals(0.0, Math.sqrt(dot(track.row(k), track.row(k))));
            } else {
                assertTrue(track.mask()[k], "step " + k);
                assertArrayEquals(w[wordAt[k]], track.row(k), "step " + k + " holds word " + wordAt[k]);
            }
        }
        assertTrue(maxDiff(track.row(0), track.row(3)) > 0.1 && maxDiff(track.row(3), track.row(6)) > 0.1, "different words differ");
        // "trains!" is two pieces (trains, !): its row is their mean
        for (int d = 0; d < MiniLmModel.DIM; d += 37) {
            assertEquals((e.get(3, d) + e.get(4, d)) / 2, w[2][d], 1e-6);
        }
    }

    @Test
    void wordEmbeddingsAreContextual() throws Exception {
        MiniLmModel m = words.load();
        List<MiniLmModel.Encoded> e = m.encode(List.of(List.of("we", "sat", "on", "the", "river", "bank"),
                List.of("the", "bank", "approved", "my", "loan")));
        float[] riverBank = MiniLmModel.wordEmbeddings(e.get(0))[5];
        float[] moneyBank = MiniLmModel.wordEmbeddings(e.get(1))[1];
        double cos = dot(riverBank, moneyBank) / Math.sqrt(dot(riverBank, riverBank) * dot(moneyBank, moneyBank));
        assertTrue(cos < 0.95, "'bank' by a river and 'bank' with a loan should differ, cos = " + cos);
        assertNull(MiniLmModel.wordEmbeddings(m.encode(List.of(List.of("ok", "\u0000"))).get(0))[1], "a word without pieces");
    }

    @Test
    void longTranscriptsGoInChunksOfWholeWords() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append(i % 2 == 0 ? "hello there " : "how are you ");
        }
        List<TimedWord> many = timed(sb.toString().trim());
        MiniLmExtractor small = new MiniLmExtractor(new MiniLmConfig(MiniLmConfig.WORDS, 0.3, 16, 4, 1, null, null));
        try {
            MiniLmModel.Encoded e = small.load().encode(List.of(many.stream().map(TimedWord::word).toList())).get(0);
            int chunks = 0;
            for (int t = 0; t < e.tokens(); t++) {
                chunks += e.wordOfToken()[t] < 0 ? 1 : 0;
            }
            assertEquals(2 * (int) Math.ceil(75 / 14.0), chunks, "75 pieces in chunks of at most 14, each with [CLS] and [SEP]");
            FeatureTrack t = small.tracks(List.of(many)).get(0);
            assertEquals(many.size(), t.length());
            for (boolean b : t.mask()) {
                assertTrue(b, "every word has its embedding");
            }
            float[] shortFits = small.load().encode(List.of(List.of("I", "am", "so", "happy", "today"))).get(0).hidden();
            float[] shortLong = utterance.load().encode(List.of(List.of("I", "am", "so", "happy", "today"))).get(0).hidden();
            assertTrue(maxDiff(shortFits, shortLong) < 1e-5, "a text that fits is one chunk whatever maxTokens");
        } finally {
            small.close();
        }
    }

    @Test
    void theModelHashIsPartOfTheConfigAndCanBePinned() throws Exception {
        String sha;
        try (InputStream in = MiniLmModel.class.getClassLoader().getResourceAsStream(MiniLmModel.MODEL_RESOURCE)) {
            assertNotNull(in, "the model jar is on the test class path");
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
        assertEquals(sha, utterance.fileDigests().get("model"));
        assertTrue(utterance.fileDigests().get("tokenizer").matches("[0-9a-f]{64}"));
        MiniLmConfig pinned = MiniLmConfig.defaults().withHashes(sha, null);
        assertEquals(sha, new MiniLmExtractor(pinned).fileDigests().get("model"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> new MiniLmExtractor(MiniLmConfig.defaults().withHashes("0".repeat(64), null)));
        assertTrue(wrong.getMessage().contains("modelSha256") && wrong.getMessage().contains(sha), wrong.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MiniLmConfig("tokens", 0.1, 256, 32, 1, null, null))
                .getMessage().contains("'utterance'"));
        assertThrows(IllegalArgumentException.class, () -> new MiniLmConfig(null, 0.1, 8, 32, 1, null, null));
        assertThrows(IllegalArgumentException.class, () -> new MiniLmConfig(null, 0.1, 256, 32, 1, "abc", null));
        assertEquals(MiniLmExtractor.CLIPS_PER_BATCH * 32, utterance.batchClips());
    }

    @Test
    void registeredAndNothingCachedInHome() throws Exception {
        utterance.load();
        String ortPath = System.getProperty(org.mer4j.api.OnnxRuntimeNatives.PROPERTY);
        assertNotNull(ortPath, "ONNX Runtime loads its natives from the mer4j cache");
        assertTrue(Path.of(ortPath).startsWith(org.mer4j.api.Mer4jCache.root()), ortPath);
        assertTrue(Files.isRegularFile(Path.of(ortPath).resolve(System.mapLibraryName("onnxruntime"))), ortPath);
        assertTrue(ServiceLoader.load(FeatureExtractorProvider.class).stream()
                .anyMatch(p -> p.get().name().equals(MiniLmExtractorProvider.NAME)), "text-minilm is a ServiceLoader provider");
        Path home = Path.of(System.getProperty("user.home"));
        assertFalse(Files.exists(home.resolve(".djl.ai").resolve("tokenizers")), "the tokenizer's native library must go to DJL_CACHE_DIR");
        assertFalse(Files.exists(home.resolve(".onnxruntime")), "ONNX Runtime must not cache in $HOME");
    }
}
