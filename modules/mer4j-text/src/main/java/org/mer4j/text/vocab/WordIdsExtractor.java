package org.mer4j.text.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Modality;
import org.mer4j.api.TimedWord;
import org.mer4j.text.WordGrid;

/**
 * The {@code word-ids} extractor: one column per step, the {@link WordIds} id of the word covering
 * most of the step (as a float, exact), 0 and mask false where no word is. A fold's
 * {@link TokenVocabulary} maps these ids to embedding rows at training time.
 */
public final class WordIdsExtractor implements FeatureExtractor {
    private final WordIdsConfig config;

    public WordIdsExtractor(WordIdsConfig config) {
        this.config = config == null ? WordIdsConfig.defaults() : config;
    }

    @Override
    public String name() {
        return WordIdsExtractorProvider.NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public WordIdsConfig config() {
        return config;
    }

    /** Word ids, never standardised. */
    @Override
    public boolean holdsIds() {
        return true;
    }

    @Override
    public ExtractionSession open(ClipSource source) {
        FeatureTrack track = track(source.words());
        return () -> track;
    }

    /** The id track of a transcript. */
    public FeatureTrack track(List<TimedWord> transcript) {
        List<TimedWord> words = new ArrayList<>(transcript);
        words.sort(Comparator.comparingDouble(TimedWord::start));
        WordGrid grid = new WordGrid(config.hopSeconds());
        int steps = grid.steps(words);
        int[] dominant = grid.dominantWord(words, steps);
        float[] values = new float[steps];
        boolean[] mask = new boolean[steps];
        for (int k = 0; k < steps; k++) {
            int id = dominant[k] < 0 ? WordIds.NONE : WordIds.of(words.get(dominant[k]).word());
            values[k] = id;
            mask[k] = id != WordIds.NONE;
        }
        return new FeatureTrack(name(), grid.times(steps), 1, values, mask);
    }
}
