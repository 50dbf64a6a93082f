package org.mer4j.text.lexicon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Modality;
import org.mer4j.api.TimedWord;
import org.mer4j.text.WordGrid;

/**
 * The {@code word-lexicon} extractor: per grid step, columns {@code [valence, arousal]}, each the
 * mean over the words active in the step that the lexicon scores (valence in [-1, 1] after
 * negation, arousal in [0, 1]); the step is masked when no active word is scored. With a lexicon
 * that has no arousal (AFINN) the arousal column is 0. The lexicon is loaded once, lazily; a missing
 * lexicon fails with the install command.
 */
public final class WordLexiconExtractor implements FeatureExtractor {
    private final WordLexiconConfig config;
    private volatile LexiconScorer scorer;

    public WordLexiconExtractor(WordLexiconConfig config) {
        this.config = config == null ? WordLexiconConfig.defaults() : config;
    }

    /** Uses an already loaded lexicon (tests, or callers that share one). */
    public WordLexiconExtractor(WordLexiconConfig config, Lexicon lexicon) {
        this(config);
        this.scorer = new LexiconScorer(lexicon, this.config.negationWindow(), (float) this.config.negationScale());
    }

    @Override
    public String name() {
        return WordLexiconExtractorProvider.NAME;
    }

    @Override
    public Modality modality() {
        return Modality.TEXT;
    }

    @Override
    public WordLexiconConfig config() {
        return config;
    }

    /**
     * The sha256 of the lexicon's files, part of the feature cache key: a lexicon replaced in the same
     * folder gets new features. None when the lexicon is missing (its clips are skipped with
     * {@code lexicon-missing}) or was given in memory.
     */
    @Override
    public java.util.Map<String, String> fileDigests() throws IOException {
        java.nio.file.Path dir = config.resolvedDir();
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String name : java.util.List.of("lexicon.tsv", "lexicon.properties")) {
            java.nio.file.Path f = dir.resolve(name);
            if (java.nio.file.Files.isRegularFile(f)) {
                out.put(name, org.mer4j.api.PinnedFiles.sha256(f));
            }
        }
        return out;
    }

    private LexiconScorer scorer() throws IOException {
        if (scorer == null) {
            synchronized (this) {
                if (scorer == null) {
                    scorer = new LexiconScorer(Lexicon.load(config.resolvedDir()), config.negationWindow(), (float) config.negationScale());
                }
            }
        }
        return scorer;
    }

    @Override
    public ExtractionSession open(ClipSource source) throws ClipFailedException {
        LexiconScorer s;
        try {
            s = scorer();
        } catch (IOException e) {
            throw new ClipFailedException(source.clip().id(), "lexicon-missing", e.getMessage());
        }
        FeatureTrack track = track(s, source.words());
        return () -> track;
    }

    /** The track of a transcript. */
    public FeatureTrack track(List<TimedWord> transcript) throws IOException {
        return track(scorer(), transcript);
    }

    private FeatureTrack track(LexiconScorer s, List<TimedWord> transcript) {
        List<TimedWord> words = new ArrayList<>(transcript);
        words.sort(Comparator.comparingDouble(TimedWord::start));
        float[][] scores = s.score(words.stream().map(TimedWord::word).toList());
        WordGrid grid = new WordGrid(config.hopSeconds());
        int steps = grid.steps(words);
        float[] values = new float[steps * 2];
        boolean[] mask = new boolean[steps];
        List<List<int[]>> active = grid.activeWords(words, steps);
        for (int k = 0; k < steps; k++) {
            double v = 0;
            double a = 0;
            int nv = 0;
            int na = 0;
            for (int[] w : active.get(k)) {
                float[] sc = scores[w[0]];
                if (!Float.isNaN(sc[0])) {
                    v += sc[0];
                    nv++;
                }
                if (!Float.isNaN(sc[1])) {
                    a += sc[1];
                    na++;
                }
            }
            mask[k] = nv > 0;
            values[2 * k] = nv > 0 ? (float) (v / nv) : 0;
            values[2 * k + 1] = na > 0 ? (float) (a / na) : 0;
        }
        return new FeatureTrack(name(), grid.times(steps), 2, values, mask);
    }
}
