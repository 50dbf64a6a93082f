package org.mer4j.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.TimedWord;

/**
 * Puts timed words on a fixed grid. Step {@code k} covers {@code [k*hop, (k+1)*hop)}; it holds the
 * features of the word overlapping that interval the most (the earlier word on ties), so words
 * shorter than a hop still appear. Steps no word overlaps are masked with zero rows. The grid ends
 * at the last word's end: {@code ceil(lastEnd / hop)} steps, none for an empty transcript.
 * Row layout: {@code [hashed embedding (dim), filler, hedge, contrast, negation, repeat, self-repair]}.
 */
public final class WordTrackBuilder {
    private final WordTokensConfig cfg;
    private final WordHasher hasher;

    public WordTrackBuilder(WordTokensConfig cfg) {
        this.cfg = cfg;
        this.hasher = new WordHasher(cfg.dim(), cfg.hashSeed());
    }

    /** Row width. */
    public int width() {
        return cfg.dim() + VerbalMarkers.COUNT;
    }

    /** The features of each word in order (multi-word hedges and repairs matched across consecutive words). */
    public float[][] wordRows(List<TimedWord> words) {
        float[][] rows = new float[words.size()][width()];
        float[][] flags = VerbalMarkers.flagSequence(words.stream().map(TimedWord::word).toList());
        for (int i = 0; i < words.size(); i++) {
            hasher.embed(VerbalMarkers.normalize(words.get(i).word()), rows[i], 0);
            System.arraycopy(flags[i], 0, rows[i], cfg.dim(), VerbalMarkers.COUNT);
        }
        return rows;
    }

    public FeatureTrack build(String name, List<TimedWord> transcript) {
        List<TimedWord> words = new ArrayList<>(transcript);
        words.sort(Comparator.comparingDouble(TimedWord::start));
        float[][] wordRows = wordRows(words);
        double hop = cfg.hopSeconds();
        double lastEnd = words.stream().mapToDouble(TimedWord::end).max().orElse(0);
        int steps = (int) Math.ceil(lastEnd / hop - 1e-9);
        int width = width();
        double[] times = new double[steps];
        float[] values = new float[steps * width];
        boolean[] mask = new boolean[steps];
        double[] bestOverlap = new double[steps];
        for (int i = 0; i < words.size() && steps > 0; i++) {
            TimedWord w = words.get(i);
            int first = Math.min(steps - 1, (int) Math.floor(w.start() / hop));
            int last = Math.max(first, Math.min(steps - 1, (int) Math.ceil(w.end() / hop) - 1));
            boolean instant = w.end() - w.start() < 1e-9;
            for (int k = first; k <= last; k++) {
                double overlap = Math.min(w.end(), (k + 1) * hop) - Math.max(w.start(), k * hop);
                boolean touches = overlap > 1e-9 || (instant && k == first);
                if (touches && (!mask[k] || overlap > bestOverlap[k] + 1e-9)) {
                    mask[k] = true;
                    bestOverlap[k] = Math.max(0, overlap);
                    System.arraycopy(wordRows[i], 0, values, k * width, width);
                }
            }
        }
        for (int k = 0; k < steps; k++) {
            times[k] = k * hop;
        }
        return new FeatureTrack(name, times, width, values, mask);
    }
}
