package org.mer4j.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.models.TokenInput;
import org.mer4j.text.vocab.TokenVocabulary;

/**
 * Learned token embeddings for one fold. The {@code word-ids} extractor gives each timeline step the
 * stable id of the word spoken there; this fits a vocabulary on the <em>training</em> clips only
 * (ids seen at least {@code minCount} times, at most {@code maxSize} rows, unknown words to one UNK
 * row) and replaces the id column by the word's vocabulary row, moved to the last text column. The
 * model embeds that column ({@link #tokenInput}, an embedding lookup inside the model, never a
 * one-hot input): one learned row per training word, UNK for words only seen in validation or
 * test, zeros where no word is spoken (row 0). No pretrained vectors.
 */
final class WordVocabulary {
    /** Extractor whose column is turned into embeddings. */
    static final String TRACK = "word-ids";

    private final TrackSlice slice;
    private final TokenVocabulary vocabulary;

    private WordVocabulary(TrackSlice slice, TokenVocabulary vocabulary) {
        this.slice = slice;
        this.vocabulary = vocabulary;
    }

    /** Fits on the training clips. */
    static WordVocabulary fit(List<AlignedClip> rawTrain, TrackSlice slice, ExperimentConfig.VocabularyConfig cfg) {
        List<int[]> ids = new ArrayList<>();
        for (AlignedClip c : rawTrain) {
            ids.add(ids(c, slice));
        }
        return new WordVocabulary(slice, TokenVocabulary.fit(ids, cfg.minCount(), cfg.maxSize()));
    }

    /** A vocabulary saved by {@link #save} (a run's {@code vocabulary.json}), for clips whose word-ids columns sit at {@code slice}. */
    static WordVocabulary load(Path file, TrackSlice slice) throws IOException {
        return new WordVocabulary(slice, TokenVocabulary.load(file));
    }

    /** Rows of the embedding table, PAD (row 0) and UNK (row 1) included. */
    int rows() {
        return vocabulary.size();
    }

    /** The model's token input for clips built by {@link #apply}: the last text column, {@code width}-dimensional rows. */
    TokenInput tokenInput(int textDim, int width) {
        return new TokenInput(Modality.TEXT, textDim - 1, rows(), width);
    }

    /** Saves the vocabulary (ids and training counts) into a run folder. */
    void save(Path file) throws IOException {
        vocabulary.save(file);
    }

    /**
     * {@code standardised} with its text columns rebuilt: every column but the id column, then the
     * vocabulary row of the word in the id column (which standardisation passes through unchanged).
     */
    AlignedClip apply(AlignedClip standardised) {
        int steps = standardised.steps();
        int[] rows = ids(standardised, slice);
        int oldDim = standardised.dims().get(Modality.TEXT);
        int keep = oldDim - slice.dim();
        int newDim = keep + 1;
        float[] old = standardised.features().get(Modality.TEXT);
        float[] out = new float[steps * newDim];
        for (int t = 0; t < steps; t++) {
            int o = 0;
            for (int d = 0; d < oldDim; d++) {
                if (d < slice.offset() || d >= slice.offset() + slice.dim()) {
                    out[t * newDim + o++] = old[t * oldDim + d];
                }
            }
            out[t * newDim + keep] = vocabulary.index(rows[t]);
        }
        Map<Modality, float[]> features = new EnumMap<>(standardised.features());
        Map<Modality, Integer> dims = new EnumMap<>(standardised.dims());
        features.put(Modality.TEXT, out);
        dims.put(Modality.TEXT, newDim);
        return standardised.withFeatures(features, dims, standardised.masks());
    }

    private static int[] ids(AlignedClip c, TrackSlice slice) {
        int dim = c.dims().get(Modality.TEXT);
        float[] x = c.features().get(Modality.TEXT);
        int[] out = new int[c.steps()];
        for (int t = 0; t < c.steps(); t++) {
            float v = x[t * dim + slice.offset()];
            int id = Math.round(v);
            if (Math.abs(v - id) > 1e-3) {
                throw new IllegalArgumentException("clip " + c.clipId() + ": the word-ids column holds " + v + " at step " + t
                        + ", not a word id: the timeline averaged several words into one step. Set the word-ids extractor's"
                        + " hopSeconds to 1 / alignment.rate so each step holds exactly one word");
            }
            out[t] = id;
        }
        return out;
    }
}
