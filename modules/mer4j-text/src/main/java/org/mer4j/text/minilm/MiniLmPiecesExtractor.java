package org.mer4j.text.minilm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mer4j.api.BatchExtractor;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Modality;
import org.mer4j.api.PinnedFiles;
import org.mer4j.api.TimedWord;

/**
 * The {@code minilm-pieces} extractor: the all-MiniLM-L6-v2 word-piece ids of a clip's transcript
 * ({@link MiniLmTokenizer}), the input of the fine-tuned encoder ({@link MiniLmFineTuneBlock},
 * fusion {@code minilm}). One row per clip at time 0 (use {@code alignment.rate: 1}) of
 * {@code maxPieces} columns: the ids of the first pieces in word order, then zeros ([PAD]); the row
 * is masked when the transcript gives no piece. The columns are ids, not measurements
 * ({@link #holdsIds()}): the framework never standardises this track. The tokenizer's sha256 is in the cache key.
 */
public final class MiniLmPiecesExtractor implements BatchExtractor {
    /** Config name, and the name of the track. */
    public static final String NAME = "minilm-pieces";
    private static final int CLIPS_PER_CALL = 512;

    private final MiniLmPiecesConfig config;
    private final String tokenizerSha256;
    private MiniLmTokenizer tokenizer;

    /** @throws IllegalArgumentException when a pinned tokenizerSha256 differs from the tokenizer on the class path */
    public MiniLmPiecesExtractor(MiniLmPiecesConfig config) {
        this.config = config == null ? MiniLmPiecesConfig.defaults() : config;
        try {
            this.tokenizerSha256 = MiniLmModel.resourceHashes().tokenizer();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (this.config.tokenizerSha256() != null && !this.config.tokenizerSha256().equals(tokenizerSha256)) {
            throw new IllegalArgumentException(NAME + ".tokenizerSha256 is " + this.config.tokenizerSha256() + " but "
                    + MiniLmModel.TOKENIZER_RESOURCE + " on the class path (" + MiniLmModel.ARTIFACT + ") has sha256 " + tokenizerSha256
                    + "; put the pinned version on the class path, or remove tokenizerSha256 to use (and record) this one");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public MiniLmPiecesConfig config() {
        return config;
    }

    /** Word-piece ids, never standardised. */
    @Override
    public boolean holdsIds() {
        return true;
    }

    @Override
    public Map<String, String> fileDigests() {
        return Map.of("tokenizer", tokenizerSha256);
    }

    @Override
    public int batchClips() {
        return CLIPS_PER_CALL;
    }

    private synchronized MiniLmTokenizer tokenizer() throws IOException {
        if (tokenizer == null) {
            byte[] json = MiniLmModel.resource(MiniLmModel.TOKENIZER_RESOURCE);
            if (!PinnedFiles.sha256(json).equals(tokenizerSha256)) {
                throw new IOException(NAME + ": the tokenizer on the class path changed while loading; restart with one copy of "
                        + MiniLmModel.ARTIFACT + " on the class path");
            }
            tokenizer = new MiniLmTokenizer(json);
        }
        return tokenizer;
    }

    @Override
    public ExtractionSession open(ClipSource source) throws ClipFailedException {
        FeatureTrack t = extractAll(List.of(source)).get(0);
        return () -> t;
    }

    @Override
    public List<FeatureTrack> extractAll(List<ClipSource> sources) throws ClipFailedException {
        List<FeatureTrack> out = new ArrayList<>(sources.size());
        for (ClipSource s : sources) {
            try {
                out.add(track(s.words()));
            } catch (IOException | RuntimeException e) {
                throw new ClipFailedException(s.clip().id(), "tokenizer-failed", e.getMessage(), e);
            }
        }
        return out;
    }

    /** The track of one transcript (words in time order). */
    public FeatureTrack track(List<TimedWord> transcript) throws IOException {
        List<TimedWord> words = new ArrayList<>(transcript);
        words.sort(Comparator.comparingDouble(TimedWord::start));
        long[] ids = words.isEmpty() ? new long[0] : tokenizer().encode(words.stream().map(TimedWord::word).toList()).getIds();
        int width = config.maxPieces();
        float[] row = new float[width];
        int kept = Math.min(ids.length, width);
        for (int i = 0; i < kept; i++) {
            row[i] = ids[i];
        }
        return new FeatureTrack(NAME, new double[] {0}, width, row, new boolean[] {kept > 0});
    }

    @Override
    public synchronized void close() {
        if (tokenizer != null) {
            tokenizer.close();
            tokenizer = null;
        }
    }
}
