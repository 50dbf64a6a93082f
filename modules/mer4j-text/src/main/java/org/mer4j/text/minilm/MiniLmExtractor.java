package org.mer4j.text.minilm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mer4j.api.BatchExtractor;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Modality;
import org.mer4j.api.TimedWord;
import org.mer4j.text.WordGrid;

/**
 * The {@code text-minilm} extractor: pretrained all-MiniLM-L6-v2 sentence embeddings (Reimers and
 * Gurevych 2019; Wang et al. 2020) of a clip's transcript, run offline with ONNX Runtime from the
 * model jar on Maven Central (see {@link MiniLmModel}). With {@code output: utterance} a clip gets
 * one 384-d row at time 0 (mean-pooled, L2-normalised, as sentence-transformers does; use
 * {@code alignment.rate: 1} as for the eGeMAPS functionals); with {@code output: words} each word's
 * contextual embedding is placed at the word's time span on the {@code hopSeconds} grid, as
 * {@code word-tokens} places words.
 *
 * <p>The extraction runner hands it {@code 8 * batchSize} clips per call, whose sequences are
 * sorted by length and encoded {@code batchSize} at a time. The sha256 of the model and tokenizer
 * bytes are in {@link #fileDigests()} and so in the feature cache key. The model loads lazily,
 * once, and is closed with the extractor.
 */
public final class MiniLmExtractor implements BatchExtractor {
    /** Clips per batch call, in units of batchSize: enough for the length sort to fill batches with little padding. */
    public static final int CLIPS_PER_BATCH = 8;

    private final MiniLmConfig config;
    private final MiniLmModel.Hashes hashes;
    private MiniLmModel model;

    /**
     * @throws IllegalArgumentException when a pinned modelSha256 or tokenizerSha256 differs from the model on the class path
     * @throws IllegalStateException when the model jar is not on the class path
     */
    public MiniLmExtractor(MiniLmConfig config) {
        MiniLmConfig c = config == null ? MiniLmConfig.defaults() : config;
        MiniLmModel.Hashes h;
        try {
            h = MiniLmModel.resourceHashes();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        check(c.modelSha256(), h.model(), "modelSha256", MiniLmModel.MODEL_RESOURCE);
        check(c.tokenizerSha256(), h.tokenizer(), "tokenizerSha256", MiniLmModel.TOKENIZER_RESOURCE);
        this.config = c;
        this.hashes = h;
    }

    private static void check(String pinned, String actual, String field, String resource) {
        if (pinned != null && !pinned.equals(actual)) {
            throw new IllegalArgumentException("text-minilm." + field + " is " + pinned + " but " + resource + " on the class path ("
                    + MiniLmModel.ARTIFACT + ") has sha256 " + actual + "; put the pinned model version on the class path,"
                    + " or remove " + field + " to use (and record) this one");
        }
    }

    @Override
    public String name() {
        return MiniLmExtractorProvider.NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public MiniLmConfig config() {
        return config;
    }

    /** The sha256 of the model and tokenizer in use (checked against the pins, if any): part of the feature cache key. */
    @Override
    public java.util.Map<String, String> fileDigests() {
        return java.util.Map.of("model", hashes.model(), "tokenizer", hashes.tokenizer());
    }

    /** Row width: 384. */
    public int dim() {
        return MiniLmModel.DIM;
    }

    @Override
    public int batchClips() {
        return CLIPS_PER_BATCH * config.batchSize();
    }

    /** Loads the model; fails naming the artifact and what to do. */
    public synchronized MiniLmModel load() throws IOException {
        if (model == null) {
            model = new MiniLmModel(config.maxTokens(), config.batchSize(), config.intraOpThreads(),
                    hashes);
        }
        return model;
    }

    @Override
    public ExtractionSession open(ClipSource source) throws ClipFailedException {
        FeatureTrack t = extractAll(List.of(source)).get(0);
        return () -> t;
    }

    @Override
    public List<FeatureTrack> extractAll(List<ClipSource> sources) throws ClipFailedException {
        try {
            return tracks(sources.stream().map(ClipSource::words).toList());
        } catch (IOException | RuntimeException e) {
            String id = sources.isEmpty() ? "?" : sources.get(0).clip().id();
            throw new ClipFailedException(id, "text-encoder-failed", (sources.size() > 1 ? "in a batch of " + sources.size()
                    + " clips from this one: " : "") + e.getMessage(), e);
        }
    }

    /** The tracks of these transcripts, one per transcript. */
    public List<FeatureTrack> tracks(List<List<TimedWord>> transcripts) throws IOException {
        List<List<TimedWord>> sorted = new ArrayList<>(transcripts.size());
        List<List<String>> texts = new ArrayList<>(transcripts.size());
        for (List<TimedWord> t : transcripts) {
            List<TimedWord> words = new ArrayList<>(t);
            words.sort(Comparator.comparingDouble(TimedWord::start));
            sorted.add(words);
            texts.add(words.stream().map(TimedWord::word).toList());
        }
        List<MiniLmModel.Encoded> encoded = load().encode(texts);
        List<FeatureTrack> out = new ArrayList<>(transcripts.size());
        for (int i = 0; i < sorted.size(); i++) {
            out.add(config.utterance() ? utteranceTrack(encoded.get(i)) : wordTrack(sorted.get(i), encoded.get(i)));
        }
        return out;
    }

    private FeatureTrack utteranceTrack(MiniLmModel.Encoded e) {
        return new FeatureTrack(name(), new double[] {0}, MiniLmModel.DIM, MiniLmModel.sentenceEmbedding(e), new boolean[] {e.tokens() > 0});
    }

    private FeatureTrack wordTrack(List<TimedWord> words, MiniLmModel.Encoded e) {
        int dim = MiniLmModel.DIM;
        WordGrid grid = new WordGrid(config.hopSeconds());
        int steps = grid.steps(words);
        float[] values = new float[steps * dim];
        boolean[] mask = new boolean[steps];
        float[][] emb = MiniLmModel.wordEmbeddings(e);
        int[] dominant = grid.dominantWord(words, steps);
        for (int k = 0; k < steps; k++) {
            if (dominant[k] >= 0 && emb[dominant[k]] != null) {
                System.arraycopy(emb[dominant[k]], 0, values, k * dim, dim);
                mask[k] = true;
            }
        }
        return new FeatureTrack(name(), grid.times(steps), dim, values, mask);
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
